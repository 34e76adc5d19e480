package io.glasswarden.readiness;

/** The outcome of one rule for one account or tenant (rules.md "Results"). */
public enum RuleResult {
    PASS, FAIL, UNKNOWN, NOT_APPLICABLE
}
