package io.glasswarden.notifications;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.glasswarden.core.InvalidInputException;

import okhttp3.Dns;

/**
 * Applies {@link WebhookTargets} with the configured allow-list, the database's address and the live resolver: at
 * registration (a name that resolves to an internal address is refused; a name that does not resolve yet is accepted
 * and checked at each delivery) and at every connection ({@link #dns(int)}: the addresses checked are the addresses
 * the HTTP client connects to, so a name that changes its answer between check and connect gains nothing).
 */
@ApplicationScoped
class TargetGuard {

    private static final Pattern JDBC_HOST = Pattern.compile("^jdbc:postgresql://\\[?([^/:\\],?]+)]?(?::(\\d+))?");

    private final HostResolver resolver;
    private final WebhookTargets targets;

    TargetGuard(WebhooksConfig config, HostResolver resolver,
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") Optional<String> jdbcUrl) {
        this.resolver = resolver;
        List<InetAddress> databaseAddresses = List.of();
        int databasePort = -1;
        Matcher database = JDBC_HOST.matcher(jdbcUrl.orElse(""));
        if (database.find()) {
            databasePort = database.group(2) == null ? 5432 : Integer.parseInt(database.group(2));
            try {
                databaseAddresses = resolver.resolve(database.group(1));
            } catch (UnknownHostException e) {
                databaseAddresses = List.of();
            }
        }
        this.targets = new WebhookTargets(config.allowedTargets().orElse(List.of()), databaseAddresses,
                databasePort);
    }

    /** Refuses (400, {@link WebhookTargets#REFUSED}) a URL whose host is or resolves to an internal target. */
    void checkRegistration(URI url) {
        String host = url.getHost();
        int port = port(url);
        if (!targets.nameAllowed(host)) {
            throw new InvalidInputException("url", WebhookTargets.REFUSED);
        }
        try {
            if (!targets.allowed(host, port, resolver)) {
                throw new InvalidInputException("url", WebhookTargets.REFUSED);
            }
        } catch (UnknownHostException e) {
            // not resolvable (yet): accepted; each delivery checks what it resolves to then
        }
    }

    /** The resolver a delivery to {@code port} connects through: it answers only with checked addresses. */
    Dns dns(int port) {
        return hostname -> {
            List<InetAddress> addresses = resolver.resolve(hostname);
            if (!targets.addressesAllowed(hostname, port, addresses)) {
                throw new RefusedTargetException(hostname);
            }
            return addresses;
        };
    }

    static int port(URI url) {
        if (url.getPort() >= 0) {
            return url.getPort();
        }
        return "http".equalsIgnoreCase(url.getScheme()) ? 80 : 443;
    }

    /** Thrown inside the HTTP client when a target is refused; an UnknownHostException so the client gives up. */
    static final class RefusedTargetException extends UnknownHostException {
        RefusedTargetException(String host) {
            super("refused internal target " + host);
        }
    }
}
