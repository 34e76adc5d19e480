package io.glasswarden.readiness;

import java.util.List;
import java.util.Optional;

import io.glasswarden.directory.AccountRef;
import io.glasswarden.directory.DataGap;

/**
 * The readiness of one account at one evaluation: status, whether it can satisfy mandatory MFA (BG-010 and BG-022
 * pass), the usable credential count, one finding per account rule in catalogue order, and the credentials judged
 * (for tenant rules such as BG-T03) with {@code credentialsGap}, the gap that kept some credential from being judged
 * (null when all were).
 */
public record AccountReadiness(
        AccountRef account,
        ReadinessStatus status,
        boolean mandatoryMfaReady,
        int usableCredentials,
        List<Finding> findings,
        List<CredentialAssessment.Credential> credentials,
        DataGap credentialsGap) {

    public AccountReadiness {
        findings = List.copyOf(findings);
        credentials = List.copyOf(credentials);
    }

    public Optional<Finding> finding(String ruleId) {
        return findings.stream().filter(f -> f.ruleId().equals(ruleId)).findFirst();
    }
}
