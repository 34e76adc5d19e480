package io.glasswarden.readiness.rules;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import io.glasswarden.directory.DataGap;
import io.glasswarden.readiness.AccountReadiness;
import io.glasswarden.readiness.CredentialAssessment.Credential;
import io.glasswarden.readiness.Evidence;
import io.glasswarden.readiness.Finding;
import io.glasswarden.readiness.RuleDescriptor;
import io.glasswarden.readiness.Severity;
import io.glasswarden.readiness.TenantContext;
import io.glasswarden.readiness.TenantRule;

/** BG-T03: the usable credentials of all accounts are not all FIDO2 keys of one model (one AAGUID). */
public final class BgT03NoSinglePointOfFailureRule implements TenantRule {
    public static final RuleDescriptor RULE = new RuleDescriptor("BG-T03", "No single point of failure in credentials",
            Severity.MEDIUM,
            "Give at least one emergency account a credential of another kind or model (a second key vendor, or "
                    + "certificate-based authentication), so one policy change or vendor recall cannot disable all.",
            "https://learn.microsoft.com/en-us/entra/identity/role-based-access-control/security-emergency-access");

    @Override
    public RuleDescriptor descriptor() {
        return RULE;
    }

    @Override
    public Finding evaluate(TenantContext context) {
        List<Credential> usable = context.accounts()
                .stream()
                .flatMap(a -> a.credentials().stream())
                .filter(c -> c.usable().isYes())
                .toList();
        Evidence evidence = Evidence.of("usableCredentials", usable.stream()
                .map(c -> Evidence.entry("id", c.id(), "kind", c.kind(), "aaGuid", c.aaGuid(), "model", c.model()))
                .toList());
        Optional<DataGap> gap = context.accounts()
                .stream()
                .map(AccountReadiness::credentialsGap)
                .filter(Objects::nonNull)
                .findFirst();
        if (!usable.isEmpty() && !oneModel(usable)) {
            return RULE.pass("The emergency accounts' usable credentials are not all keys of one model.", evidence);
        }
        if (gap.isPresent()) {
            return RULE.unknown(gap.get(), "Glasswarden could not check every emergency account's credentials, so "
                    + "a single point of failure cannot be ruled out.", evidence);
        }
        if (usable.isEmpty()) {
            return RULE.notApplicable("No emergency account has a usable credential (see BG-010).", evidence);
        }
        evidence.put("sharedAaguid", usable.get(0).aaGuid()).put("model", usable.get(0).model());
        return RULE.fail("Every usable credential of every emergency account is a key of the same model ("
                + usable.get(0).model() + "): one policy change or vendor recall would disable them all.", evidence);
    }

    private static boolean oneModel(List<Credential> usable) {
        return usable.stream().allMatch(c -> "fido2".equals(c.mode()) && c.aaGuid() != null)
                && usable.stream().map(c -> c.aaGuid().toLowerCase(Locale.ROOT)).distinct().count() == 1;
    }
}
