package io.glasswarden.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.glasswarden.security.ConsoleSessionMechanism;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * A console session opened the way a browser opens it (sign-in form, its double-submit cookie, the session cookie),
 * for tests that drive the pages over plain HTTP.
 */
record PageSession(String cookie, String csrf) {

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    /** Signs in with {@code apiKey} through the form, then reads the session's CSRF token from the fleet page. */
    static PageSession signIn(String apiKey) {
        Response form = given().redirects().follow(false).get("/sign-in");
        String signInCsrf = form.cookie(SignInResource.SIGN_IN_CSRF_COOKIE);
        Response signedIn = given().redirects()
                .follow(false)
                .cookie(SignInResource.SIGN_IN_CSRF_COOKIE, signInCsrf)
                .formParam("apiKey", apiKey)
                .formParam("csrf", signInCsrf)
                .post("/sign-in");
        assertThat(signedIn.statusCode()).as("sign-in with a valid key redirects to the fleet").isEqualTo(303);
        String session = signedIn.cookie(ConsoleSessionMechanism.COOKIE);
        String home = given().cookie(ConsoleSessionMechanism.COOKIE, session).get("/").asString();
        Matcher csrf = CSRF_FIELD.matcher(home);
        assertThat(csrf.find()).as("every signed-in page carries the session's CSRF token").isTrue();
        return new PageSession(session, csrf.group(1));
    }

    /** A request carrying the session cookie; redirects are not followed, so that a test sees them. */
    RequestSpecification request() {
        return given().redirects().follow(false).cookie(ConsoleSessionMechanism.COOKIE, cookie);
    }
}
