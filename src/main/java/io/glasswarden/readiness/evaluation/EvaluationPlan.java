package io.glasswarden.readiness.evaluation;

import java.util.List;
import java.util.UUID;

import io.glasswarden.accounts.Custodian;
import io.glasswarden.accounts.EmergencyAccount;
import io.glasswarden.directory.AccountRef;
import io.glasswarden.directory.DirectoryTenant;
import io.glasswarden.tenants.DirectoryKind;
import io.glasswarden.tenants.Tenant;
import io.glasswarden.tenants.TenantSettings;

/** What one run needs from the inventory, read in a short transaction before the (slow) directory read. */
record EvaluationPlan(UUID evaluationId, DirectoryTenant tenant, String tenantName, DirectoryKind directory,
        TenantSettings settings, List<Account> accounts) {

    /** An active account as the run sees it. */
    record Account(UUID id, AccountRef ref, boolean expectsCertificateAuth, List<Custodian> custodians) {
    }

    static EvaluationPlan of(UUID evaluationId, Tenant tenant, List<EmergencyAccount> accounts) {
        return new EvaluationPlan(evaluationId, new DirectoryTenant(tenant.tenantId(), tenant.cloud().wireValue()),
                tenant.displayName(), tenant.directory(), tenant.settings().withDefaults(),
                accounts.stream()
                        .map(a -> new Account(a.id(), new AccountRef(a.objectId(), a.userPrincipalName()),
                                a.expectsCertificateAuth(), List.copyOf(a.custodians())))
                        .toList());
    }

    List<AccountRef> refs() {
        return accounts.stream().map(Account::ref).toList();
    }
}
