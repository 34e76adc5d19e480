package io.glasswarden.demo;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.glasswarden.accounts.AccountService;
import io.glasswarden.accounts.Custodian;
import io.glasswarden.accounts.EmergencyAccount;
import io.glasswarden.accounts.PhysicalKey;
import io.glasswarden.attestations.AttestationRequest;
import io.glasswarden.attestations.AttestationService;
import io.glasswarden.drills.DrillRequest;
import io.glasswarden.drills.DrillService;
import io.glasswarden.readiness.InventoryFacts.AttestationKind;
import io.glasswarden.readiness.InventoryFacts.DrillOutcome;
import io.glasswarden.tenants.TenantService;

/**
 * What a well-run tenant has recorded about its emergency accounts: a succeeded drill (matching the snapshot's
 * sign-in) and a custody attestation per account, recorded through the real services (and so in the ledger).
 */
@ApplicationScoped
class DemoRecords {

    private final TenantService tenants;
    private final AccountService accounts;
    private final DrillService drills;
    private final AttestationService attestations;

    DemoRecords(TenantService tenants, AccountService accounts, DrillService drills,
            AttestationService attestations) {
        this.tenants = tenants;
        this.accounts = accounts;
        this.drills = drills;
        this.attestations = attestations;
    }

    @Transactional
    void seed(Instant demoCreated) {
        for (EmergencyAccount account : accounts.activeAccounts(tenants.require(DemoTenant.TENANT_ID))) {
            String custodian = account.custodians().stream().map(Custodian::email).findFirst().orElse("demo");
            List<String> keys = account.keys().stream().map(PhysicalKey::label).toList();
            String id = account.id().toString();
            drills.record(DemoTenant.TENANT_ID, id, new DrillRequest(demoCreated.minus(DemoTenant.DRILL_AGE),
                    custodian, DrillOutcome.SUCCEEDED, keys.isEmpty() ? null : keys.get(0),
                    "Demo: test sign-in to the Entra admin center with the key from safe 1."));
            attestations.record(DemoTenant.TENANT_ID, id, new AttestationRequest(AttestationKind.CUSTODY, custodian,
                    "Demo: keys sighted in their safes, seals intact.", keys));
        }
    }
}
