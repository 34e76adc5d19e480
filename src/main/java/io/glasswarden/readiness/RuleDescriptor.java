package io.glasswarden.readiness;

import java.util.Optional;

import io.glasswarden.directory.DataGap;
import io.glasswarden.directory.Fact;

/**
 * What a rule is (id, title, severity, what to do, where Microsoft documents it), with the helpers that turn a rule's
 * verdict into a {@link Finding}, so rule classes only state their logic.
 */
public record RuleDescriptor(String id, String title, Severity severity, String remediation, String reference) {

    public Finding pass(String message, Evidence evidence) {
        return finding(RuleResult.PASS, null, message, evidence);
    }

    public Finding fail(String message, Evidence evidence) {
        return finding(RuleResult.FAIL, null, message, evidence);
    }

    /**
     * PASS under the rule's own provision for data that could not be read (e.g. BG-030 counts an active assignment
     * as permanent when PIM schedules need a licence): the gap is reported in the tenant's data gaps and evidence.
     */
    public Finding pass(String message, Evidence evidence, DataGap unread) {
        return finding(RuleResult.PASS, unread, message, unread == null ? evidence : withGap(evidence, unread));
    }

    /** FAIL that unread data could not change; the gap is reported in the tenant's data gaps and evidence. */
    public Finding fail(String message, Evidence evidence, DataGap unread) {
        return finding(RuleResult.FAIL, unread, message, unread == null ? evidence : withGap(evidence, unread));
    }

    public Finding notApplicable(String message, Evidence evidence) {
        return finding(RuleResult.NOT_APPLICABLE, null, message, evidence);
    }

    /** Not applicable because the data the rule works on cannot be read (e.g. sign-in logs without a licence). */
    public Finding notApplicable(DataGap gap, String message, Evidence evidence) {
        return finding(RuleResult.NOT_APPLICABLE, gap, message, withGap(evidence, gap));
    }

    public Finding unknown(DataGap gap, String message, Evidence evidence) {
        return finding(RuleResult.UNKNOWN, gap, message, withGap(evidence, gap));
    }

    /** UNKNOWN with the standard message naming the data that could not be read. */
    public Finding unknown(DataGap gap) {
        return unknown(gap, unreadableMessage(gap), Evidence.of());
    }

    /** The gap of the first unknown fact, so a rule can fail closed in one line. */
    public static Optional<DataGap> firstGap(Fact<?>... facts) {
        for (Fact<?> fact : facts) {
            if (!fact.isKnown()) {
                return fact.missing();
            }
        }
        return Optional.empty();
    }

    public static String unreadableMessage(DataGap gap) {
        return "Glasswarden could not read " + gap.data() + (gap.detail() == null ? "" : " (" + gap.detail() + ")")
                + ", so this could not be checked.";
    }

    private Finding finding(RuleResult result, DataGap gap, String message, Evidence evidence) {
        // a reason belongs to results that rest on the gap; a PASS or FAIL that unread data cannot change has none
        boolean unresolved = result == RuleResult.UNKNOWN || result == RuleResult.NOT_APPLICABLE;
        return new Finding(id, title, severity, result, gap == null || !unresolved ? null : gap.reason().wireValue(),
                message,
                (evidence == null ? Evidence.of() : evidence).asMap(), remediation, reference, gap);
    }

    private static Evidence withGap(Evidence evidence, DataGap gap) {
        Evidence result = evidence == null ? Evidence.of() : evidence;
        return result.put("unreadable", Evidence.entry("data", gap.data(), "reason", gap.reason().wireValue(),
                "permission", gap.permission(), "licence", gap.licence(), "detail", gap.detail()));
    }
}
