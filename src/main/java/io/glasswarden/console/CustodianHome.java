package io.glasswarden.console;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.glasswarden.accounts.AccountService;
import io.glasswarden.accounts.AccountView;
import io.glasswarden.accounts.EmergencyAccount;

/** A custodian's home page: their accounts across tenants, as the API would list them to the custodian. */
@ApplicationScoped
public class CustodianHome {

    private final AccountService accounts;

    CustodianHome(AccountService accounts) {
        this.accounts = accounts;
    }

    /** The accounts a custodian looks after, across tenants, by the API's custodian rule ({@link AccountService}). */
    @Transactional
    List<CustodianAccount> custodianAccounts() {
        List<CustodianAccount> mine = new ArrayList<>();
        for (EmergencyAccount a : accounts.custodianAccounts()) {
            AccountView view = AccountView.of(a);
            mine.add(new CustodianAccount(a.tenant().tenantId(), a.tenant().displayName(), view.id().toString(), view
                    .displayName() == null ? view.userPrincipalName() : view.displayName(), view.userPrincipalName(),
                    a.readinessStatus() == null ? "UNEVALUATED" : a.readinessStatus()));
        }
        return mine;
    }

    /** One of a custodian's accounts on their home page. */
    public record CustodianAccount(String tenantId, String tenantName, String accountId, String name, String upn,
            String status) {
    }
}
