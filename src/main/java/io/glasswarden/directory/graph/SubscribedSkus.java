package io.glasswarden.directory.graph;

import java.util.Locale;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.glasswarden.directory.DataGap;
import io.glasswarden.directory.EntraLicences;
import io.glasswarden.directory.Fact;
import io.glasswarden.directory.UnknownReason;

/**
 * Entra ID P1/P2 from {@code GET /subscribedSkus} ("List subscribedSkus",
 * https://learn.microsoft.com/graph/api/subscribedsku-list: least application permission
 * {@code LicenseAssignment.Read.All}, also {@code Organization.Read.All} or {@code Directory.Read.All}; every national
 * cloud). A SKU counts while its {@code capabilityStatus} is {@code Enabled} or {@code Warning} (grace period; not
 * {@code Suspended}, {@code Deleted}, {@code LockedOut}), and a plan of it while its {@code provisioningStatus} is
 * {@code Success}. Plans are matched by id or name ("Product names and service plan identifiers for licensing",
 * https://learn.microsoft.com/entra/identity/users/licensing-service-plan-reference): {@code AAD_PREMIUM}
 * {@code 41781fb2-bc02-4b7c-bd55-b576c07bb09d} (P1) and {@code AAD_PREMIUM_P2}
 * {@code eec0eb4f-6444-4f95-aba0-50c24d67f998} (P2). They are included in bundles (E3/E5, EMS), so plans are read, not
 * SKU names. P2 implies P1.
 */
final class SubscribedSkus {

    static final String PATH = "/subscribedSkus?$select=skuPartNumber,capabilityStatus,servicePlans";
    static final String DATA = "licences (subscribed SKUs)";

    private static final Set<String> P1 = Set.of("41781fb2-bc02-4b7c-bd55-b576c07bb09d", "aad_premium");
    private static final Set<String> P2 = Set.of("eec0eb4f-6444-4f95-aba0-50c24d67f998", "aad_premium_p2");
    private static final Set<String> ACTIVE = Set.of("enabled", "warning");

    private SubscribedSkus() {
    }

    static Fact<EntraLicences> licences(GraphResponse response) {
        if (!response.ok()) {
            return Fact.unknown(gap(response));
        }
        boolean p1 = false;
        boolean p2 = false;
        for (JsonNode sku : response.body().path("value")) {
            if (!ACTIVE.contains(lower(sku.path("capabilityStatus").asText("")))) {
                continue;
            }
            for (JsonNode plan : sku.path("servicePlans")) {
                if (!"success".equals(lower(plan.path("provisioningStatus").asText("")))) {
                    continue;
                }
                String id = lower(plan.path("servicePlanId").asText(""));
                String name = lower(plan.path("servicePlanName").asText(""));
                p2 |= P2.contains(id) || P2.contains(name);
                p1 |= P1.contains(id) || P1.contains(name);
            }
        }
        return Fact.known(new EntraLicences(p1 || p2, p2));
    }

    private static DataGap gap(GraphResponse response) {
        if (response.failure() == GraphResponse.Failure.TIMEOUT) {
            return DataGap.of(DATA, UnknownReason.TIMEOUT, "Graph did not answer in time");
        }
        if (response.failure() == GraphResponse.Failure.NETWORK) {
            return DataGap.of(DATA, UnknownReason.GRAPH_ERROR, "Graph could not be reached");
        }
        if (response.status() == 403) {
            return DataGap.permission(DATA, "Organization.Read.All");
        }
        if (response.throttled()) {
            return DataGap.of(DATA, UnknownReason.THROTTLED, "Graph is throttling: try again later");
        }
        String code = response.errorCode();
        return DataGap.of(DATA, UnknownReason.GRAPH_ERROR,
                "Graph answered " + response.status() + (code == null ? "" : " (" + code + ")"));
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
