package io.glasswarden.console;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.Response;

import io.glasswarden.core.PageRequest;
import io.glasswarden.evidence.EvidenceResource;
import io.glasswarden.ledger.LedgerEntries;
import io.glasswarden.ledger.LedgerEntryView;
import io.glasswarden.ledger.LedgerVerification;
import io.glasswarden.ledger.LedgerVerifier;
import io.glasswarden.readiness.evaluation.ReadinessResource;
import io.glasswarden.tenants.Tenant;
import io.glasswarden.tenants.TenantService;

/**
 * The auditor's downloads and the ledger page, through the REST API's own resources and services (same roles, same
 * files).
 */
@ApplicationScoped
public class AuditPageData {

    private final ReadinessResource readiness;
    private final EvidenceResource evidence;
    private final LedgerVerifier ledgerVerifier;
    private final LedgerEntries ledgerEntries;
    private final TenantService tenants;

    AuditPageData(ReadinessResource readiness, EvidenceResource evidence, LedgerVerifier ledgerVerifier,
            LedgerEntries ledgerEntries, TenantService tenants) {
        this.tenants = tenants;
        this.readiness = readiness;
        this.evidence = evidence;
        this.ledgerVerifier = ledgerVerifier;
        this.ledgerEntries = ledgerEntries;
    }

    Response readinessCsv(String tenantId) {
        return readiness.latestCsv(tenantId, null);
    }

    Response evidence(String tenantId) {
        return evidence.get(tenantId);
    }

    LedgerVerification verifyLedger() {
        return ledgerVerifier.verify();
    }

    @Transactional
    List<LedgerEntryView> latestLedgerEntries() {
        return ledgerEntries.page(null, PageRequest.of("0", "50")).items().stream().map(LedgerEntryView::of).toList();
    }

    /** A tenant whose evidence bundle the ledger page offers. */
    public record EvidenceChoice(String tenantId, String displayName, boolean retired) {
    }

    /** Every tenant, active and retired, by name: an auditor may need the evidence of a retired one. */
    @Transactional
    List<EvidenceChoice> evidenceChoices() {
        List<EvidenceChoice> choices = new ArrayList<>();
        for (int page = 0;; page++) {
            var batch = tenants.list(null, PageRequest.of(String.valueOf(page), String.valueOf(PageRequest.MAX_SIZE)));
            for (Tenant t : batch.items()) {
                choices.add(new EvidenceChoice(t.tenantId(), t.displayName(),
                        !t.isActive()));
            }
            if ((long) (page + 1) * PageRequest.MAX_SIZE >= batch.total()) {
                return choices;
            }
        }
    }
}
