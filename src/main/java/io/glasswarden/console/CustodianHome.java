package io.glasswarden.console;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.glasswarden.accounts.AccountService;
import io.glasswarden.accounts.AccountView;
import io.glasswarden.accounts.EmergencyAccount;
import io.glasswarden.core.LifecycleState;
import io.glasswarden.core.PageRequest;
import io.glasswarden.tenants.Tenant;
import io.glasswarden.tenants.TenantService;

/** A custodian's home page: their accounts across tenants, as the API would list them to the custodian. */
@ApplicationScoped
public class CustodianHome {

    private final TenantService tenantService;
    private final AccountService accounts;

    CustodianHome(TenantService tenantService, AccountService accounts) {
        this.tenantService = tenantService;
        this.accounts = accounts;
    }

    /**
     * The accounts a custodian looks after, across tenants: every active tenant's accounts as {@link AccountService}
     * lists them for the caller, which keeps only the custodian's own (the API's rule, not a second one).
     */
    @Transactional
    List<CustodianAccount> custodianAccounts() {
        List<CustodianAccount> mine = new ArrayList<>();
        for (Tenant tenant : tenantService.list(LifecycleState.ACTIVE, PageRequest.of("0", max())).items()) {
            for (EmergencyAccount a : accounts.list(tenant.tenantId(), null, LifecycleState.ACTIVE,
                    PageRequest.of("0", max())).items()) {
                AccountView view = AccountView.of(a);
                mine.add(new CustodianAccount(tenant.tenantId(), tenant.displayName(), view.id().toString(),
                        view.displayName() == null ? view.userPrincipalName() : view.displayName(),
                        view.userPrincipalName(), view.readiness() == null
                                ? "UNEVALUATED"
                                : String.valueOf(view.readiness().get("status"))));
            }
        }
        return mine;
    }

    private static String max() {
        return String.valueOf(PageRequest.MAX_SIZE);
    }

    /** One of a custodian's accounts on their home page. */
    public record CustodianAccount(String tenantId, String tenantName, String accountId, String name, String upn,
            String status) {
    }
}
