package io.glasswarden.readiness;

/** How much a failing rule matters (rules.md); decides the account status. */
public enum Severity {
    CRITICAL, HIGH, MEDIUM, LOW, INFO
}
