package io.glasswarden.directory.graph;

import java.util.Locale;

import io.glasswarden.directory.DataGap;
import io.glasswarden.directory.UnknownReason;

/**
 * Turns a failed Graph answer into the {@link DataGap} of the data it was for. Details carry the status and Graph's
 * error code only: never the payload, the message or a token.
 */
final class GraphErrorClassifier {

    static final String NON_PREMIUM = "Authentication_RequestFromNonPremiumTenantOrB2CTenant";

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
        if (status == 403 && requiresLicence(code, response.errorMessage())) {
            return DataGap.licence(data, area.licence());
        }
        if (status == 403) {
            return DataGap.permission(data, area.permission());
        }
        if (status == 404) {
            return DataGap.of(data, UnknownReason.NOT_FOUND, "Graph answered 404" + suffix);
        }
        return DataGap.of(data, UnknownReason.GRAPH_ERROR, "Graph answered " + status + suffix);
    }

    /** The message is inspected for licence wording only; it is never copied. */
    private static boolean requiresLicence(String code, String message) {
        if (NON_PREMIUM.equalsIgnoreCase(code)) {
            return true;
        }
        String text = ((code == null ? "" : code) + " " + (message == null ? "" : message)).toLowerCase(Locale.ROOT);
        return text.contains("license") || text.contains("licence") || text.contains("premium");
    }
}
