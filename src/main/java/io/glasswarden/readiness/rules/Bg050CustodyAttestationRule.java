package io.glasswarden.readiness.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.glasswarden.readiness.AccountContext;
import io.glasswarden.readiness.AccountRule;
import io.glasswarden.readiness.Evidence;
import io.glasswarden.readiness.Finding;
import io.glasswarden.readiness.InventoryFacts.Attestation;
import io.glasswarden.readiness.InventoryFacts.AttestationKind;
import io.glasswarden.readiness.RuleDescriptor;
import io.glasswarden.readiness.Severity;

/** BG-050: a custodian confirmed within the attestation interval that the credentials are where they should be. */
public final class Bg050CustodyAttestationRule implements AccountRule {
    public static final RuleDescriptor RULE = new RuleDescriptor("BG-050", "Custody attestation is current",
            Severity.MEDIUM,
            "Ask a custodian to check the keys and seals and record a CUSTODY attestation (Glasswarden can e-mail "
                    + "them a signed link).",
            "https://learn.microsoft.com/en-us/entra/identity/role-based-access-control/security-emergency-access");

    @Override
    public RuleDescriptor descriptor() {
        return RULE;
    }

    @Override
    public Finding evaluate(AccountContext context) {
        int days = context.settings().attestationIntervalDays();
        Optional<Instant> latest = context.inventory()
                .attestations()
                .stream()
                .filter(a -> a.kind() == AttestationKind.CUSTODY && a.attestedAt() != null)
                .map(Attestation::attestedAt)
                .max(Instant::compareTo);
        Evidence evidence = Evidence.of("attestationIntervalDays", days)
                .put("lastCustodyAttestation",
                        latest.orElse(null));
        if (latest.isEmpty()) {
            return RULE.fail("Nobody has ever attested custody of the account's credentials.", evidence);
        }
        if (latest.get().isBefore(context.now().minus(Duration.ofDays(days)))) {
            return RULE.fail("The last custody attestation (" + latest.get() + ") is older than the " + days
                    + "-day attestation interval.", evidence);
        }
        return RULE.pass("Custody of the account's credentials was attested on " + latest.get() + ".", evidence);
    }
}
