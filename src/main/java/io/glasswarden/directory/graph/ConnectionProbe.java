package io.glasswarden.directory.graph;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.glasswarden.directory.ConnectionCheck;
import io.glasswarden.directory.DataGap;
import io.glasswarden.directory.DirectoryTenant;
import io.glasswarden.directory.DirectoryUnavailableException;
import io.glasswarden.directory.EntraLicences;
import io.glasswarden.directory.Fact;
import io.glasswarden.directory.TokenStatus;
import io.glasswarden.directory.UnknownReason;

/**
 * The connection check of a live tenant: a fresh token (not the cached one, so consent granted a minute ago shows),
 * its {@code roles} claim, and one Graph request ({@code /subscribedSkus}) for the licences.
 */
final class ConnectionProbe {

    private final GraphSettings settings;
    private final MsalTokenSource tokens;
    private final GraphClients clients;
    private final GraphTransport transport;

    ConnectionProbe(GraphSettings settings, MsalTokenSource tokens, GraphClients clients, GraphTransport transport) {
        this.settings = settings;
        this.tokens = tokens;
        this.clients = clients;
        this.transport = transport;
    }

    ConnectionCheck check(DirectoryTenant tenant) {
        String consent = AdminConsent.url(GraphCloud.of(tenant.cloud()), tenant.tenantId(), settings.clientId());
        GraphClients.TenantClient client = clients.forTenant(tenant);
        String token;
        try {
            token = tokens.token(tenant.tenantId(), client.endpoints(), true);
        } catch (TokenRefusedException e) {
            return new ConnectionCheck(e.status(), null, noToken(), consent, 0);
        } catch (DirectoryUnavailableException e) {
            return new ConnectionCheck(TokenStatus.of(TokenStatus.State.FAILED, e.getMessage()), null, noToken(),
                    consent, 0);
        }
        List<String> granted = AccessTokenRoles.of(token);
        AtomicInteger counter = new AtomicInteger();
        Fact<EntraLicences> licences;
        try {
            licences = SubscribedSkus.licences(transport.get(client, SubscribedSkus.PATH, counter));
        } catch (DirectoryUnavailableException e) {
            licences = noToken();
        }
        return new ConnectionCheck(TokenStatus.ok(), granted, licences, consent, counter.get());
    }

    /** Unconfigured Graph: nothing can be checked, but the consent URL can still be shown when the client id is set. */
    static ConnectionCheck notConfigured(GraphSettings settings, DirectoryTenant tenant) {
        String reason = "Microsoft Graph is not configured: set glasswarden.graph.client-id and a credential"
                + " (client secret, certificate or workload identity).";
        return new ConnectionCheck(TokenStatus.of(TokenStatus.State.NOT_CONFIGURED, reason), null,
                Fact.unknown(DataGap.of(SubscribedSkus.DATA, UnknownReason.GRAPH_ERROR, reason)),
                AdminConsent.url(GraphCloud.of(tenant.cloud()), tenant.tenantId(), settings.clientId()), 0);
    }

    private static <T> Fact<T> noToken() {
        return Fact.unknown(DataGap.of(SubscribedSkus.DATA, UnknownReason.GRAPH_ERROR, "no token for the tenant"));
    }
}
