package io.glasswarden.directory.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import com.microsoft.aad.msal4j.MsalServiceException;

import io.glasswarden.directory.TokenStatus;

/** Token refusals in words without Quarkus: unknown codes, network failures; the roles claim of odd tokens. */
class TokenErrorsTest {

    @Test
    void anUnknownCodeIsExplainedByItsOAuthError() {
        // Microsoft: codes change over time, react to the OAuth error (reference-error-codes)
        TokenStatus status = TokenErrors.explain(new MsalServiceException(
                "AADSTS9999999: Something new.\r\nTrace ID: 0000aaaa-11bb-cccc-dd33-eeeeee333333", "invalid_client"),
                "https://login.microsoftonline.com/");

        assertThat(status.state()).isEqualTo(TokenStatus.State.FAILED);
        assertThat(status.code()).isEqualTo("AADSTS9999999");
        assertThat(status.reason()).contains("credential was refused").doesNotContain("Something new");
        assertThat(status.traceId()).isEqualTo("0000aaaa-11bb-cccc-dd33-eeeeee333333");
    }

    @Test
    void anUnreachableAuthorityIsNotAnAadstsCode() {
        TokenStatus status = TokenErrors.explain(new ConnectException("refused"), "https://login.microsoftonline.us/");

        assertThat(status.code()).isNull();
        assertThat(status.reason()).contains("could not be reached at https://login.microsoftonline.us/")
                .contains("ConnectException");
    }

    @Test
    void theConsentUrlTakesTheCloudFromTheScopeNotFromAnOverriddenHost() {
        CloudEndpoints proxied = new CloudEndpoints("https://proxy.example/", "https://graph-proxy.example/v1.0",
                GraphCloud.CHINA.scope());

        assertThat(AdminConsent.url(AdminConsent.cloudOf(proxied), "t", "app id"))
                .isEqualTo("https://login.chinacloudapi.cn/t/adminconsent?client_id=app+id");
        assertThat(AdminConsent.url(GraphCloud.GLOBAL, "t", null)).isNull();
    }

    @Test
    void rolesOfTokensThatAreNotReadableJwtsAreUnknownNotNone() {
        assertThat(AccessTokenRoles.of("fake-access-token")).isNull();
        assertThat(AccessTokenRoles.of("a.!!!.c")).isNull();
        assertThat(AccessTokenRoles.of("a." + b64("[1,2]") + ".c")).isNull();
        assertThat(AccessTokenRoles.of("a." + b64("{\"roles\":\"User.Read.All\"}") + ".c")).isNull();
        assertThat(AccessTokenRoles.of("a." + b64("{\"tid\":\"t\"}") + ".c")).isEmpty();
        assertThat(AccessTokenRoles.of("a." + b64("{\"roles\":[\"b\",\"a\",\"a\"]}") + ".c")).containsExactly("a",
                "b");
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
