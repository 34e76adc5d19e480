package io.glasswarden.evidence;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.glasswarden.accounts.AccountView;
import io.glasswarden.attestations.AttestationService;
import io.glasswarden.drills.DrillService;
import io.glasswarden.readiness.evaluation.EvaluationService;

/** What the features recorded about one account, read through their own services (and their access checks). */
@ApplicationScoped
class AccountEvidence {

    private final EvaluationService evaluations;
    private final DrillService drills;
    private final AttestationService attestations;

    AccountEvidence(EvaluationService evaluations, DrillService drills, AttestationService attestations) {
        this.evaluations = evaluations;
        this.drills = drills;
        this.attestations = attestations;
    }

    Map<String, Object> of(String tenantId, AccountView account) {
        String id = account.id().toString();
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("account", account);
        entry.put("readinessHistory", EvidenceService.all(page -> evaluations.history(tenantId, id, page)));
        entry.put("drills", EvidenceService.all(page -> drills.list(tenantId, id, page)));
        entry.put("attestations", EvidenceService.all(page -> attestations.list(tenantId, id, page)));
        return entry;
    }
}
