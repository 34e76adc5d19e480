package io.glasswarden.readiness.evaluation;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.glasswarden.core.StoredJson;

/**
 * Readiness as RFC 4180 CSV: a header row, then one row per account and finding, CRLF line ends, fields quoted when
 * they hold a comma, quote or line break; evidence as compact JSON.
 */
final class ReadinessCsv {

    static final List<String> COLUMNS = List.of("tenantId", "evaluationId", "evaluatedAt", "accountId",
            "userPrincipalName", "objectId", "status", "mandatoryMfaReady", "usableCredentials", "ruleId", "title",
            "severity", "result", "reason", "message", "remediation", "reference", "evidence");

    /** First characters that make a spreadsheet read a cell as a formula (OWASP), with their full-width forms. */
    static final String FORMULA_STARTS = "=+-@\t\r\uFF1D\uFF0B\uFF0D\uFF20";

    private ReadinessCsv() {
    }

    @SuppressWarnings("unchecked")
    static String write(EvaluationResults results, ObjectMapper json) {
        StringBuilder csv = new StringBuilder();
        row(csv, COLUMNS);
        for (StoredJson stored : results.accounts()) {
            Map<String, Object> account = stored.asMap();
            for (Map<String, Object> f : (List<Map<String, Object>>) account.get("findings")) {
                row(csv, List.of(text(results.tenantId()), text(results.evaluationId()),
                        text(account.get("evaluatedAt")), text(account.get("accountId")),
                        text(account.get("userPrincipalName")), text(account.get("objectId")),
                        text(account.get("status")), text(account.get("mandatoryMfaReady")),
                        text(account.get("usableCredentials")), text(f.get("ruleId")), text(f.get("title")),
                        text(f.get("severity")), text(f.get("result")), text(f.get("reason")), text(f.get("message")),
                        text(f.get("remediation")), text(f.get("reference")), compact(f.get("evidence"), json)));
            }
        }
        return csv.toString();
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

    /**
     * Quotes a field as RFC 4180 requires, after neutralising formulas (OWASP "CSV Injection"): a field starting with
     * {@code = + - @}, a tab or a carriage return (or their full-width forms, which some spreadsheets also read as
     * formulas) gets a leading single quote, so that spreadsheets show it as text instead of evaluating it.
     */
    static String escape(String field) {
        String safe = !field.isEmpty() && FORMULA_STARTS.indexOf(field.charAt(0)) >= 0 ? "'" + field : field;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return '"' + safe.replace("\"", "\"\"") + '"';
        }
        return safe;
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private static String compact(Object evidence, ObjectMapper json) {
        try {
            return json.writeValueAsString(evidence == null ? Map.of() : evidence);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("evidence is not JSON", e);
        }
    }
}
