package io.glasswarden.enforcement;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Enforcement impact reports as RFC 4180 CSV: one row per tenant, user and application (CRLF line ends, fields quoted
 * when they hold a comma, quote or line break, and cells that a spreadsheet would run as a formula prefixed with a
 * quote); a tenant whose logs could not be read gets one row saying what is missing; workload identities get rows
 * with {@code affected} false.
 */
final class ImpactCsv {

    static final List<String> HEADER = List.of("tenantId", "windowDays", "windowStart", "kind", "userId",
            "userPrincipalName", "displayName", "mfaCapable", "wouldBeBlocked", "appId", "appDisplayName", "phase",
            "signIns", "signInsWithoutMfa", "lastSignIn", "affected", "missing");

    private ImpactCsv() {
    }

    static String write(List<ImpactReport> reports) {
        StringBuilder csv = new StringBuilder();
        row(csv, HEADER);
        for (ImpactReport r : reports) {
            String window = Objects.toString(r.windowStart(), "");
            if (!r.logsRead()) {
                ImpactReport.Missing m = r.missing();
                row(csv, List.of(r.tenantId(), String.valueOf(r.windowDays()), window, "logs-unreadable", "", "", "",
                        "", "", "", "", "", "", "", "", "", describe(m)));
                continue;
            }
            for (ImpactReport.User u : r.users()) {
                for (ImpactReport.AppUse a : u.applications()) {
                    row(csv, List.of(r.tenantId(), String.valueOf(r.windowDays()), window, "user", u.userId(),
                            text(u.userPrincipalName()), text(u.displayName()), text(u.mfaCapable()),
                            String.valueOf(u.wouldBeBlocked()), a.appId(), text(a.appDisplayName()), text(a.phase()),
                            String.valueOf(a.signIns()), String.valueOf(a.signInsWithoutMfa()), text(a.lastSignIn()),
                            "true", describe(r.missing())));
                }
            }
            for (ImpactReport.WorkloadIdentity w : r.workloadIdentities()) {
                row(csv, List.of(r.tenantId(), String.valueOf(r.windowDays()), window, "workload-identity",
                        text(w.servicePrincipalId()), "", text(w.name()), "", "false", text(w.appId()), "", "",
                        String.valueOf(w.signIns()), "", "", "false", ""));
            }
        }
        return csv.toString();
    }

    private static String describe(ImpactReport.Missing m) {
        if (m == null) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        parts.add(m.data());
        if (m.permission() != null) {
            parts.add("permission " + m.permission());
        }
        if (m.licence() != null) {
            parts.add("licence " + m.licence());
        }
        parts.add(m.detail());
        return String.join("; ", parts.stream().filter(Objects::nonNull).toList());
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private static void row(StringBuilder csv, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(escape(fields.get(i)));
        }
        csv.append("\r\n");
    }

    static String escape(String field) {
        String value = field == null ? "" : field;
        if (!value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0) {
            value = "'" + value;
        }
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
