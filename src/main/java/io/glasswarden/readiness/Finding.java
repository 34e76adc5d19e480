package io.glasswarden.readiness;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;

import io.glasswarden.directory.DataGap;

/**
 * The result of one rule for one account or tenant, as reported to admins and auditors. {@code reason} is the wire value
 * of the {@link io.glasswarden.directory.UnknownReason} when the result is UNKNOWN (or a NOT_APPLICABLE caused by
 * unreadable data), else null. {@code evidence} is insertion-ordered and holds only JSON-friendly values. {@code gap}
 * is the data gap behind an UNKNOWN or NOT_APPLICABLE result; it feeds the tenant's {@code dataGaps} and is not part of
 * the finding's wire shape.
 */
public record Finding(
        String ruleId,
        String title,
        Severity severity,
        RuleResult result,
        String reason,
        String message,
        Map<String, Object> evidence,
        String remediation,
        String reference,
        @JsonIgnore DataGap gap) {

    public Finding {
        evidence = evidence == null ? Map.of() : evidence;
    }
}
