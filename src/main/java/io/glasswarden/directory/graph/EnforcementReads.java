package io.glasswarden.directory.graph;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;

import io.glasswarden.directory.DataGap;
import io.glasswarden.directory.DirectoryResult;
import io.glasswarden.directory.DirectoryTenant;
import io.glasswarden.directory.EnforcementSignIns;
import io.glasswarden.directory.Fact;
import io.glasswarden.directory.UnknownReason;

/**
 * The reads of the enforcement impact report, per tenant: (1) {@code /subscribedSkus} service plans
 * ({@code AAD_PREMIUM}, {@code AAD_PREMIUM_P2}) decide the window: 30 days with Entra ID P1/P2, else 7 (Microsoft
 * Entra data retention); (2) ONE filtered query of the beta sign-in log
 * ({@code createdDateTime ge … and (appId eq … or …)}; beta because {@code authenticationRequirement} is not in v1.0,
 * graph-reference §7.2), pages followed within the "Entra logs and reports" pacing; (3) one reading of
 * {@code /reports/authenticationMethods/userRegistrationDetails} ({@code isMfaCapable} per user), also paced. No
 * per-user requests. A refused read becomes an unknown fact naming the missing permission or licence.
 */
final class EnforcementReads {

    static final String LOGS_DATA = "sign-in logs";
    static final String REGISTRATION_DATA = "authentication method registration report";

    private final GraphClients clients;
    private final GraphTransport transport;
    private final RequestPacer pacer;
    private final PageFollower pages;

    EnforcementReads(GraphClients clients, GraphTransport transport, RequestPacer pacer, RetryPolicy retry) {
        this.clients = clients;
        this.transport = transport;
        this.pacer = pacer;
        this.pages = new PageFollower(transport, pacer, retry);
    }

    DirectoryResult<EnforcementSignIns> read(DirectoryTenant tenant, Set<String> appIds, int maxDays, Instant now) {
        GraphClients.TenantClient client = clients.forTenant(tenant);
        clients.token(client);
        AtomicInteger counter = new AtomicInteger();
        Fact<Boolean> premium = premium(get(client, "/subscribedSkus?$select=servicePlans", RequestPacer.Bucket.DEFAULT,
                counter));
        int days = Math.min(maxDays, premium.asOptional().orElse(false) ? 30 : 7);
        Instant since = now.minus(Duration.ofDays(days)).truncatedTo(ChronoUnit.SECONDS);
        String apps = appIds.stream()
                .map(id -> "appId eq " + GraphPaths.literal(id))
                .collect(Collectors.joining(
                        " or "));
        String filter = "createdDateTime ge " + since + " and (" + apps + ")";
        String beta = client.endpoints().graphEndpoint().replaceAll("/v1\\.0$", "/beta");
        GraphResponse logs = get(client, beta + "/auditLogs/signIns?" + GraphPaths.filter(filter),
                RequestPacer.Bucket.SIGN_INS, counter);
        Fact<List<EnforcementSignIns.Entry>> signIns = logs.ok()
                ? Fact.known(entries(logs.body()))
                : Fact.unknown(gap(DataArea.SIGN_INS, LOGS_DATA, logs));
        Fact<Map<String, Boolean>> capable;
        if (signIns.isKnown()) {
            GraphResponse report = get(client, "/reports/authenticationMethods/userRegistrationDetails?"
                    + "$select=id,isMfaCapable", RequestPacer.Bucket.SIGN_INS, counter);
            capable = report.ok()
                    ? Fact.known(capable(report.body()))
                    : Fact.unknown(gap(DataArea.SIGN_INS, REGISTRATION_DATA, report));
        } else {
            capable = Fact.unknown(signIns.missing().orElseThrow());
        }
        return new DirectoryResult<>(Fact.known(new EnforcementSignIns(premium, since, signIns, capable)),
                counter.get());
    }

    private GraphResponse get(GraphClients.TenantClient client, String url, RequestPacer.Bucket bucket,
            AtomicInteger counter) {
        pacer.acquire(client.tenantId(), bucket, 1);
        GraphResponse first = transport.get(client, url, counter);
        return first.ok() && PageFollower.nextLink(first.body()) != null
                ? pages.follow(client, first, new GraphStep("enforcement", url, bucket), counter)
                : first;
    }

    /** Licence wording of a 403 (Authentication_RequestFromNonPremiumTenantOrB2CTenant) names the licence. */
    private static DataGap gap(DataArea area, String data, GraphResponse response) {
        DataGap gap = GraphErrorClassifier.gap(area, response);
        return new DataGap(data, gap.reason(), gap.permission(), gap.licence(), gap.detail());
    }

    private static Fact<Boolean> premium(GraphResponse response) {
        if (!response.ok()) {
            return Fact.unknown(DataGap.of("licences", UnknownReason.PERMISSION_DENIED,
                    "subscribedSkus could not be read (Organization.Read.All); assuming the 7-day window"));
        }
        for (JsonNode sku : response.body().path("value")) {
            for (JsonNode plan : sku.path("servicePlans")) {
                String name = JsonFields.text(plan, "servicePlanName");
                String status = JsonFields.text(plan, "provisioningStatus");
                if (("AAD_PREMIUM".equals(name) || "AAD_PREMIUM_P2".equals(name))
                        && (status == null || "Success".equalsIgnoreCase(status))) {
                    return Fact.known(true);
                }
            }
        }
        return Fact.known(false);
    }

    private static List<EnforcementSignIns.Entry> entries(JsonNode body) {
        List<EnforcementSignIns.Entry> list = new ArrayList<>();
        for (JsonNode s : body.path("value")) {
            List<String> types = JsonFields.strings(s, "signInEventTypes");
            boolean workload = types.contains("servicePrincipal") || types.contains("managedIdentity");
            Integer error = JsonFields.integer(s.path("status"), "errorCode");
            list.add(new EnforcementSignIns.Entry(JsonFields.text(s, "id"), JsonFields.instant(s, "createdDateTime"),
                    JsonFields.text(s, "userId"), JsonFields.lowerText(s, "userPrincipalName"),
                    JsonFields.text(s, "userDisplayName"), JsonFields.text(s, "appId"),
                    JsonFields.text(s, "appDisplayName"), JsonFields.text(s, "authenticationRequirement"),
                    error != null && error == 0, workload, JsonFields.text(s, "servicePrincipalId"),
                    JsonFields.text(s, "servicePrincipalName")));
        }
        return List.copyOf(list);
    }

    private static Map<String, Boolean> capable(JsonNode body) {
        Map<String, Boolean> map = new HashMap<>();
        for (JsonNode u : body.path("value")) {
            String id = JsonFields.text(u, "id");
            Boolean capable = JsonFields.bool(u, "isMfaCapable");
            if (id != null && capable != null) {
                map.put(id.toLowerCase(java.util.Locale.ROOT), capable);
            }
        }
        return map;
    }
}
