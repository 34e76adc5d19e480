package io.glasswarden.signins;

import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.glasswarden.accounts.AccountService;
import io.glasswarden.accounts.EmergencyAccount;
import io.glasswarden.core.Page;
import io.glasswarden.core.PageRequest;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;

/** Reads the sign-ins the watch observed for an account. */
@ApplicationScoped
public class SignInService {

    private final AccountService accounts;

    SignInService(AccountService accounts) {
        this.accounts = accounts;
    }

    @Transactional
    public Page<ObservedSignInView> list(String tenantId, String accountId, PageRequest request) {
        EmergencyAccount account = accounts.require(tenantId, accountId);
        Map<String, Acknowledgement.Classification> acknowledged = new HashMap<>();
        Acknowledgement.<Acknowledgement>list("accountId = ?1 and subject = ?2", account.id(),
                Acknowledgement.Subject.SIGN_IN)
                .forEach(a -> acknowledged.put(a.subjectId(), a.view(null)
                        .classification()));
        PanacheQuery<ObservedSignIn> query = ObservedSignIn.find("accountId", Sort.by("createdAt",
                Sort.Direction.Descending).and("signInId"), account.id());
        return new Page<>(query.page(request.page(), request.size()).list(), request.page(), request.size(), query
                .count()).map(s -> ObservedSignInView.of(s, acknowledged.get(s.signInId())));
    }
}
