package io.glasswarden.reviews;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import io.glasswarden.accounts.AccountRepository;
import io.glasswarden.accounts.AccountService;
import io.glasswarden.accounts.Custodian;
import io.glasswarden.accounts.EmergencyAccount;
import io.glasswarden.core.ConflictException;
import io.glasswarden.core.LifecycleState;
import io.glasswarden.core.Page;
import io.glasswarden.core.PageRequest;
import io.glasswarden.core.ResourceId;
import io.glasswarden.core.ResourceNotFoundException;
import io.glasswarden.drills.DrillService;
import io.glasswarden.ledger.Ledger;
import io.glasswarden.ledger.LedgerEvent;
import io.glasswarden.notifications.Notifier;
import io.glasswarden.notifications.OutgoingEmail;
import io.glasswarden.readiness.AttestationRecords;
import io.glasswarden.readiness.InventoryFacts;
import io.glasswarden.readiness.ReviewRecords;
import io.glasswarden.readiness.ReviewSteps;
import io.glasswarden.security.Caller;
import io.glasswarden.signins.SignInAcknowledged;
import io.glasswarden.tenants.Tenant;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Post-use reviews (BG-043): opened when a sign-in is acknowledged as EMERGENCY or MISUSE, the credentials step
 * recorded by an operator, the other steps closed by the CUSTODY attestation and SUCCEEDED drill recorded after the
 * sign-in. The sweep marks reviews complete (ledger {@code REVIEW_COMPLETED}) and reminds custodians and escalation
 * contacts on the due day and every day after while the review is open (one e-mail per person, review and day).
 */
@ApplicationScoped
public class ReviewService implements ReviewRecords {

    private final AccountService accounts;
    private final AccountRepository accountRows;
    private final DrillService drills;
    private final AttestationRecords attestations;
    private final Ledger ledger;
    private final Notifier notifier;
    private final Caller caller;
    private final Clock clock;

    ReviewService(AccountService accounts, AccountRepository accountRows, DrillService drills,
            AttestationRecords attestations, Ledger ledger, Notifier notifier, Caller caller, Clock clock) {
        this.accounts = accounts;
        this.accountRows = accountRows;
        this.drills = drills;
        this.attestations = attestations;
        this.ledger = ledger;
        this.notifier = notifier;
        this.caller = caller;
        this.clock = clock;
    }

    /** Opens a review in the acknowledging transaction when the sign-in was an emergency or misuse. */
    void onAcknowledged(@Observes SignInAcknowledged event) {
        if (!"EMERGENCY".equals(event.classification()) && !"MISUSE".equals(event.classification())) {
            return;
        }
        Instant signInAt = event.signInAt() != null ? event.signInAt() : event.acknowledgedAt();
        PostUseReview review = new PostUseReview(event.accountId(), event.signInId(), event.classification(),
                signInAt, event.acknowledgedAt(), event.acknowledgedBy());
        review.persist();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("accountId", event.accountId().toString());
        data.put("signInId", event.signInId());
        data.put("classification", event.classification());
        data.put("signInAt", signInAt.toString());
        ledger.append(new LedgerEvent("REVIEW_OPENED", event.tenantId(), review.id().toString(),
                event.acknowledgedBy(), data));
        EmergencyAccount account = accountRows.findById(event.accountId());
        remind(account, review, "OPENED", LocalDate.ofInstant(event.acknowledgedAt(), ZoneOffset.UTC));
    }

    @Transactional
    public Page<ReviewView> list(String tenantId, String accountId, PageRequest page) {
        EmergencyAccount account = accounts.require(tenantId, accountId);
        var query = PostUseReview.<PostUseReview>find("accountId = ?1 order by openedAt desc", account.id());
        List<ReviewView> items = query.page(page.page(), page.size())
                .list()
                .stream()
                .map(r -> view(account, r))
                .toList();
        return new Page<>(items, page.page(), page.size(), query.count());
    }

    @Transactional
    public ReviewView get(String tenantId, String accountId, String reviewId) {
        EmergencyAccount account = accounts.require(tenantId, accountId);
        return view(account, require(account, reviewId));
    }

    /** Records the credentials step on the account's latest open review (409 when there is none). */
    @Transactional
    public ReviewView recordCredentials(String tenantId, String accountId, CredentialsStepRequest request) {
        EmergencyAccount account = accounts.require(tenantId, accountId);
        PostUseReview review = PostUseReview.<PostUseReview>find(
                "accountId = ?1 and completedAt is null order by openedAt desc", account.id())
                .firstResultOptional()
                .orElseThrow(() -> new ConflictException("The account has no open post-use review."));
        Instant now = clock.instant();
        review.recordCredentials(request.action(), request.note().trim(), caller.name(), now);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("accountId", account.id().toString());
        data.put("step", ReviewSteps.NAMES.get(0));
        data.put("action", request.action());
        data.put("note", request.note().trim());
        ledger.append(new LedgerEvent("REVIEW_STEP_RECORDED", account.tenant().tenantId(), review.id().toString(),
                caller.name(), data));
        return view(account, review);
    }

    @Override
    @Transactional
    public List<InventoryFacts.Review> reviews(UUID accountId) {
        return PostUseReview.<PostUseReview>list("accountId = ?1 order by openedAt", accountId)
                .stream()
                .map(PostUseReview::facts)
                .toList();
    }

    /** Completes reviews whose steps all closed and reminds about open ones; returns how many mails were queued. */
    public int sweep() {
        List<UUID> open = QuarkusTransaction.requiringNew()
                .call(() -> PostUseReview.<PostUseReview>list("completedAt is null")
                        .stream()
                        .map(PostUseReview::id)
                        .toList());
        int queued = 0;
        for (UUID id : open) {
            try {
                queued += QuarkusTransaction.requiringNew().call(() -> sweep(PostUseReview.findById(id)));
            } catch (RuntimeException e) {
                Log.errorf(e, "Post-use review %s could not be swept", id);
            }
        }
        return queued;
    }

    private int sweep(PostUseReview review) {
        EmergencyAccount account = accountRows.findById(review.accountId());
        if (account == null || account.lifecycleState() != LifecycleState.ACTIVE) {
            return 0;
        }
        ReviewSteps steps = steps(review);
        if (steps.complete()) {
            review.complete(steps.completedAt());
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("accountId", account.id().toString());
            data.put("signInId", review.signInId());
            data.put("completedAt", steps.completedAt().toString());
            ledger.append(new LedgerEvent("REVIEW_COMPLETED", account.tenant().tenantId(), review.id().toString(),
                    "glasswarden", data));
            return 0;
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate due = LocalDate.ofInstant(dueAt(account.tenant(), review), ZoneOffset.UTC);
        return today.isBefore(due) ? 0 : remind(account, review, today.isEqual(due) ? "DUE" : "OVERDUE", today);
    }

    private int remind(EmergencyAccount account, PostUseReview review, String stage, LocalDate today) {
        Tenant tenant = account.tenant();
        Map<String, String> recipients = new LinkedHashMap<>();
        account.custodians().forEach(c -> recipients.put(c.email(), c.name()));
        tenant.settings().escalationContacts().forEach(e -> recipients.putIfAbsent(e, e));
        String name = account.displayName() != null ? account.displayName() : account.userPrincipalName();
        ReviewSteps steps = steps(review);
        int queued = 0;
        for (Map.Entry<String, String> recipient : recipients.entrySet()) {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("stage", stage);
            data.put("recipientName", recipient.getValue());
            data.put("tenantName", tenant.displayName());
            data.put("accountName", name);
            data.put("classification", review.classification());
            data.put("signInTime", review.signInAt().toString());
            data.put("dueDate", LocalDate.ofInstant(dueAt(tenant, review), ZoneOffset.UTC).toString());
            data.put("openSteps", String.join(", ", steps.open()));
            data.put("custodians", String.join(", ", account.custodians().stream().map(Custodian::name).toList()));
            String subject = ("OPENED".equals(stage) ? "Post-use review opened: " : "Post-use review due: ") + name;
            if (notifier.email(new OutgoingEmail(recipient.getKey(), subject, "review-reminder", data,
                    "review:" + review.id() + ":" + recipient.getKey() + ":" + today))) {
                queued++;
            }
        }
        return queued;
    }

    private ReviewSteps steps(PostUseReview review) {
        return ReviewSteps.of(review.facts(), drills.facts(review.accountId()),
                attestations.list(review.accountId()));
    }

    private static Instant dueAt(Tenant tenant, PostUseReview review) {
        return review.openedAt().plus(Duration.ofDays(tenant.settings().postUseReviewDays()));
    }

    private PostUseReview require(EmergencyAccount account, String reviewId) {
        UUID id = ResourceId.parse(reviewId, "review");
        PostUseReview review = PostUseReview.findById(id);
        if (review == null || !review.accountId().equals(account.id())) {
            throw new ResourceNotFoundException("review", reviewId);
        }
        return review;
    }

    private ReviewView view(EmergencyAccount account, PostUseReview review) {
        ReviewSteps steps = steps(review);
        Instant due = dueAt(account.tenant(), review);
        String status = steps.complete() ? "COMPLETED" : clock.instant().isAfter(due) ? "OVERDUE" : "OPEN";
        List<ReviewView.Step> list = new ArrayList<>();
        list.add(new ReviewView.Step(ReviewSteps.NAMES.get(0), steps.credentials() != null, steps.credentials(),
                review.credentialsAction(), review.credentialsNote(), review.credentialsBy()));
        list.add(new ReviewView.Step(ReviewSteps.NAMES.get(1), steps.custodyAttestation() != null,
                steps.custodyAttestation(), null, null, null));
        list.add(new ReviewView.Step(ReviewSteps.NAMES.get(2), steps.succeededDrill() != null,
                steps.succeededDrill(), null, null, null));
        return new ReviewView(review.id(), account.tenant().tenantId(), account.id(), review.signInId(),
                review.classification(), review.signInAt(), review.openedAt(), review.openedBy(), due, status,
                steps.completedAt(), list);
    }
}
