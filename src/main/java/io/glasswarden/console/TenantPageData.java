package io.glasswarden.console;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.glasswarden.accounts.AccountService;
import io.glasswarden.accounts.AccountView;
import io.glasswarden.attestations.AttestationRequests;
import io.glasswarden.attestations.AttestationRequests.CustodyStatus;
import io.glasswarden.core.PageRequest;
import io.glasswarden.core.ResourceNotFoundException;
import io.glasswarden.drills.DrillOverview;
import io.glasswarden.drills.DrillStatusView;
import io.glasswarden.readiness.evaluation.EvaluationResults;
import io.glasswarden.readiness.evaluation.EvaluationService;
import io.glasswarden.security.Caller;
import io.glasswarden.signins.Acknowledgement;
import io.glasswarden.signins.AcknowledgementRequest;
import io.glasswarden.signins.AcknowledgementService;
import io.glasswarden.signins.ObservedSignInView;
import io.glasswarden.signins.SignInService;
import io.glasswarden.tenants.Tenant;

/**
 * What the tenant page reads and changes, each through the service the REST API uses, so that roles, custodian
 * visibility, validation and ledger entries are exactly the API's.
 */
@ApplicationScoped
public class TenantPageData {

    private final EvaluationService evaluations;
    private final SignInService signIns;
    private final AcknowledgementService acknowledgements;
    private final DrillOverview drillOverview;
    private final AccountService accounts;
    private final AttestationRequests attestationRequests;
    private final Caller caller;
    private final Clock clock;

    TenantPageData(EvaluationService evaluations, SignInService signIns, AcknowledgementService acknowledgements,
            DrillOverview drillOverview, AccountService accounts, AttestationRequests attestationRequests,
            Caller caller, Clock clock) {
        this.accounts = accounts;
        this.attestationRequests = attestationRequests;
        this.evaluations = evaluations;
        this.signIns = signIns;
        this.acknowledgements = acknowledgements;
        this.drillOverview = drillOverview;
        this.caller = caller;
        this.clock = clock;
    }

    /** The latest completed evaluation, or null before the first one. */
    EvaluationResults latest(String tenantId) {
        try {
            return evaluations.latest(tenantId);
        } catch (ResourceNotFoundException e) {
            return null;
        }
    }

    void evaluate(String tenantId) {
        evaluations.request(tenantId, caller.name());
    }

    /** An unacknowledged sign-in of one account, for the tenant page's review list. */
    public record OpenSignIn(AccountView account, ObservedSignInView signIn) {
    }

    List<OpenSignIn> openSignIns(String tenantId, List<AccountView> accounts) {
        List<OpenSignIn> open = new ArrayList<>();
        for (AccountView account : accounts) {
            signIns.list(tenantId, account.id().toString(), PageRequest.of("0", "50"))
                    .items()
                    .stream()
                    .filter(s -> s.acknowledgedAs() == null)
                    .forEach(s -> open.add(new OpenSignIn(account, s)));
        }
        return open;
    }

    void acknowledge(String tenantId, String accountId, String signInId, AcknowledgementRequest request) {
        acknowledgements.acknowledge(tenantId, accountId, Acknowledgement.Subject.SIGN_IN, signInId, request);
    }

    /** Drills due in the next 90 days (and overdue ones), soonest first. */
    List<DrillStatusView> drillCalendar(String tenantId) {
        LocalDate horizon = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(90);
        return drillOverview.list(tenantId, null, PageRequest.of("0", String.valueOf(PageRequest.MAX_SIZE)))
                .items()
                .stream()
                .filter(d -> !d.dueDate().isAfter(horizon))
                .sorted(Comparator.comparing(DrillStatusView::dueDate))
                .toList();
    }

    /** Each active account's custody attestation status (BG-050), by account id. */
    @Transactional
    Map<UUID, CustodyStatus> custody(Tenant tenant) {
        return accounts.activeAccounts(tenant)
                .stream()
                .collect(Collectors.toMap(a -> a.id(), a -> attestationRequests.custodyStatus(tenant, a)));
    }
}
