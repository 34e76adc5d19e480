package io.glasswarden.web;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

import io.glasswarden.security.Roles;
import io.glasswarden.testing.ApiKeys;
import io.quarkus.test.junit.QuarkusTest;

/** The problem types not covered by the feature tests, each answered by our one mapper in our format. */
@QuarkusTest
class ProblemMapperTest {

    @Test
    void unexpectedErrorRevealsNothingInternalAndGivesAnErrorId() {
        ApiKeys.as(Roles.AUDITOR)
                .get("/api/v1/test-failure")
                .then()
                .statusCode(500)
                .contentType("application/problem+json")
                .body("type", equalTo("https://glasswarden.io/problems/internal-error"))
                .body("detail", containsString("error id"))
                .body(allOf(not(containsString("PSQL")), not(containsString("SELECT")),
                        not(containsString("IllegalStateException")), not(containsString("at io.glasswarden"))));
    }

    @Test
    void wrongMethodIsAProblemWithAllowHeader() {
        ApiKeys.as(Roles.ADMIN)
                .put("/api/v1/tenants")
                .then()
                .statusCode(405)
                .contentType("application/problem+json")
                .body("type", equalTo("https://glasswarden.io/problems/method-not-allowed"));
    }

    @Test
    void unacceptableMediaTypeIsAProblem() {
        ApiKeys.as(Roles.AUDITOR)
                .accept("application/xml")
                .get("/api/v1/tenants")
                .then()
                .statusCode(406)
                .body(containsString("https://glasswarden.io/problems/not-acceptable"));
    }

    @Test
    void unknownPathUnderTheApiIsAProblem() {
        ApiKeys.as(Roles.AUDITOR)
                .get("/api/v1/no-such-thing")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://glasswarden.io/problems/not-found"));
    }

    @Test
    void missingBodyNamesTheBody() {
        ApiKeys.as(Roles.OPERATOR)
                .contentType("application/json")
                .post("/api/v1/tenants")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("body"));
    }
}
