package io.glasswarden.console;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;

/**
 * Console sign-in with Microsoft Entra ID (the {@code console} OIDC tenant, authorization-code flow), when configured.
 * Quarkus keeps that session in its encrypted {@value #SESSION_COOKIE} cookie; the CSRF token of its forms is an HMAC
 * of that cookie, so it changes with every new sign-in and cannot be computed by another site.
 */
@ApplicationScoped
public class EntraSignIn {

    /** Quarkus OIDC's session cookie of the console tenant (split into {@code _chunk_N} cookies when large). */
    static final String SESSION_COOKIE = "q_session_console";

    private final boolean enabled;
    private final byte[] key;
    private final CurrentVertxRequest request;

    EntraSignIn(@ConfigProperty(name = "quarkus.oidc.console.tenant-enabled", defaultValue = "false") boolean enabled,
            @ConfigProperty(name = "quarkus.oidc.console.credentials.secret") Optional<String> clientSecret,
            CurrentVertxRequest request) {
        this.enabled = enabled;
        // Keyed by the client secret so that every instance derives the same token; without one (certificate or
        // workload identity), a random key per instance: a form then only posts back to the instance that drew it.
        this.key = clientSecret.filter(s -> !s.isBlank())
                .map(s -> sha256(("glasswarden console csrf\0" + s).getBytes(StandardCharsets.UTF_8)))
                .orElseGet(EntraSignIn::randomKey);
        this.request = request;
    }

    /** True when the console offers "Sign in with Microsoft Entra ID". */
    public boolean enabled() {
        return enabled;
    }

    Optional<String> csrfToken() {
        return sessionCookie().map(this::hmac);
    }

    boolean csrfMatches(String submitted) {
        return submitted != null && csrfToken()
                .map(expected -> MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                        submitted.getBytes(StandardCharsets.UTF_8)))
                .orElse(false);
    }

    /** The names of the session cookies to expire at sign-out. */
    java.util.List<String> sessionCookieNames() {
        RoutingContext context = enabled ? request.getCurrent() : null;
        if (context == null) {
            return java.util.List.of();
        }
        return context.request()
                .cookies()
                .stream()
                .map(Cookie::getName)
                .filter(name -> name.startsWith(SESSION_COOKIE))
                .toList();
    }

    private Optional<String> sessionCookie() {
        RoutingContext context = enabled ? request.getCurrent() : null;
        if (context == null) {
            return Optional.empty();
        }
        String value = context.request()
                .cookies()
                .stream()
                .filter(c -> c.getName().startsWith(SESSION_COOKIE))
                .sorted(Comparator.comparing(Cookie::getName))
                .map(Cookie::getValue)
                .collect(Collectors.joining());
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    private String hmac(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] randomKey() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }
}
