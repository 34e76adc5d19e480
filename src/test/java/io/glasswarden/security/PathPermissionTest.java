package io.glasswarden.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.glasswarden.testing.ApiKeys;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class PathPermissionTest {

    @Test
    void everythingUnderApiNeedsCredentialsEvenWithoutARoleAnnotation() {
        given().get("/api/v1/test-only/unannotated")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer");
        given().auth().oauth2("gwk_" + "D".repeat(43)).get("/api/v1/test-only/unannotated").then().statusCode(401);

        given().auth()
                .oauth2(ApiKeys.custodian("path-permission@contoso.com"))
                .get("/api/v1/test-only/unannotated")
                .then()
                .statusCode(200)
                .body(equalTo("ok"));
    }

    @Test
    void probesMetricsAndTheContractNeedNoCredentials() {
        for (String path : new String[]{"/q/health/live", "/q/health/ready", "/q/metrics", "/q/openapi"}) {
            given().get(path).then().statusCode(200);
        }
    }
}
