package io.glasswarden.directory.graph;

import java.util.Locale;
import java.util.Set;

import io.glasswarden.directory.DataGap;
import io.glasswarden.directory.UnknownReason;

/**
 * Turns a failed Graph answer into the {@link DataGap} of the data it was for. Licence and permission answers are told
 * by Graph's error code and message whatever the HTTP status: PIM reads without Entra ID P2 answer 400
 * {@code AadPremiumLicenseRequired}, not 403 (rules.md "Real-tenant behaviours"). Details carry the status and Graph's
 * error code only: never the payload, the message or a token.
 */
final class GraphErrorClassifier {

    static final String NON_PREMIUM = "Authentication_RequestFromNonPremiumTenantOrB2CTenant";
    static final String PREMIUM_REQUIRED = "AadPremiumLicenseRequired";
    private static final Set<String> LICENCE_CODES = Set.of(NON_PREMIUM.toLowerCase(Locale.ROOT),
            PREMIUM_REQUIRED.toLowerCase(Locale.ROOT), "pimlicenserequired");
    private static final Set<String> PERMISSION_CODES = Set.of("authorization_requestdenied", "accessdenied",
            "forbidden");

    private GraphErrorClassifier() {
    }

    static DataGap gap(DataArea area, GraphResponse response) {
        String data = area.data();
        if (response.failure() == GraphResponse.Failure.TIMEOUT) {
            return DataGap.of(data, UnknownReason.TIMEOUT, "Graph did not answer in time, also after retries");
        }
        if (response.failure() == GraphResponse.Failure.NETWORK) {
            return DataGap.of(data, UnknownReason.GRAPH_ERROR, "Graph could not be reached");
        }
        int status = response.status();
        String code = response.errorCode();
        String suffix = code == null ? "" : " (" + code + ")";
        if (status == 429) {
            return DataGap.of(data, UnknownReason.THROTTLED, "Graph kept throttling beyond the retry budget");
        }
        if (requiresLicence(response)) {
            return DataGap.licence(data, area.licence());
        }
        if (status == 403 || deniesPermission(response)) {
            return DataGap.permission(data, area.permission());
        }
        if (status == 404) {
            return DataGap.of(data, UnknownReason.NOT_FOUND, "Graph answered 404" + suffix);
        }
        return DataGap.of(data, UnknownReason.GRAPH_ERROR, "Graph answered " + status + suffix);
    }

    /**
     * Whether Graph refused a query it does not support (e.g. an {@code in} or {@code or} filter): the only answer
     * that justifies reading again one id at a time. A licence or permission answer is final whatever its status.
     */
    static boolean refusedQuery(GraphResponse response) {
        if (response.status() != 400 || requiresLicence(response) || deniesPermission(response)) {
            return false;
        }
        String code = lower(response.errorCode());
        String message = lower(response.errorMessage());
        return code.equals("request_unsupportedquery") || message.contains("filter")
                || message.contains("unsupported query");
    }

    /** The message is inspected for licence wording only; it is never copied. */
    static boolean requiresLicence(GraphResponse response) {
        if (response.ok() || response.status() == 0) {
            return false;
        }
        String code = lower(response.errorCode());
        if (LICENCE_CODES.contains(code)) {
            return true;
        }
        String message = lower(response.errorMessage());
        return code.contains("license") || message.contains("license") || message.contains("licence")
                || message.contains("premium");
    }

    private static boolean deniesPermission(GraphResponse response) {
        if (response.ok() || response.status() == 0) {
            return false;
        }
        return PERMISSION_CODES.contains(lower(response.errorCode()))
                || lower(response.errorMessage()).contains("insufficient privileges");
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }
}
