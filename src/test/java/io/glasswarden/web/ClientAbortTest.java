package io.glasswarden.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.glasswarden.security.Roles;
import io.glasswarden.testing.ApiKeys;
import io.glasswarden.testing.LogCapture;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A client that gives up halfway through sending a body (its timeout, a closed laptop) is not a failure of the
 * service: no 500 and no ERROR with an error id for the operator to chase (seen under load in ApiBenchmark).
 */
@QuarkusTest
class ClientAbortTest {

    @TestHTTPResource("/")
    URI root;

    @Test
    void aBodyCutOffByTheClientIsNoUnexpectedError() throws Exception {
        String key = ApiKeys.of(Roles.OPERATOR);
        try (LogCapture log = LogCapture.start()) {
            for (int i = 0; i < 5; i++) {
                try (Socket socket = new Socket(root.getHost(), root.getPort())) {
                    OutputStream out = socket.getOutputStream();
                    out.write(("POST /api/v1/tenants HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + key
                            + "\r\nContent-Type: application/json\r\nContent-Length: 65536\r\n\r\n{\"tenantId\":\"")
                            .getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    Thread.sleep(300);
                }
            }
            Awaitility.await()
                    .during(Duration.ofSeconds(2))
                    .atMost(Duration.ofSeconds(5))
                    .untilAsserted(() -> assertThat(log.text()).doesNotContain("Unexpected error"));
        }
    }
}
