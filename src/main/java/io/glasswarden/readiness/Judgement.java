package io.glasswarden.readiness;

import java.util.List;
import java.util.Objects;

import io.glasswarden.directory.DataGap;

/**
 * A three-valued verdict of the shared logic (yes, no, or unknown because data could not be read), with a short reason
 * in words for evidence, and the data gap when unknown. Combining keeps the fail-closed rule: unknown never becomes yes.
 */
public record Judgement(Truth truth, String why, DataGap gap) {

    /** Yes, no, or cannot tell. */
    public enum Truth {
        YES, NO, UNKNOWN
    }

    public static Judgement yes(String why) {
        return new Judgement(Truth.YES, why, null);
    }

    public static Judgement no(String why) {
        return new Judgement(Truth.NO, why, null);
    }

    public static Judgement unknown(DataGap gap, String why) {
        return new Judgement(Truth.UNKNOWN, why, Objects.requireNonNull(gap, "gap"));
    }

    public boolean isYes() {
        return truth == Truth.YES;
    }

    public boolean isNo() {
        return truth == Truth.NO;
    }

    public boolean isUnknown() {
        return truth == Truth.UNKNOWN;
    }

    /** Yes if any is yes (the first such), else unknown if any is unknown, else no with {@code whyNone}. */
    public static Judgement anyOf(List<Judgement> judgements, String whyNone) {
        return judgements.stream()
                .filter(Judgement::isYes)
                .findFirst()
                .or(() -> judgements.stream().filter(Judgement::isUnknown).findFirst())
                .orElse(no(whyNone));
    }

    /** No if any is no (the first such), else unknown if any is unknown, else yes with {@code whyAll}. */
    public static Judgement allOf(List<Judgement> judgements, String whyAll) {
        return judgements.stream()
                .filter(Judgement::isNo)
                .findFirst()
                .or(() -> judgements.stream().filter(Judgement::isUnknown).findFirst())
                .orElse(yes(whyAll));
    }

    /** "yes", "no" or "unknown", as evidence shows it. */
    public String word() {
        return truth.name().toLowerCase();
    }
}
