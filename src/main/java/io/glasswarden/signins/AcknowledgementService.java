package io.glasswarden.signins;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.glasswarden.accounts.AccountService;
import io.glasswarden.accounts.EmergencyAccount;
import io.glasswarden.core.ConflictException;
import io.glasswarden.core.InvalidInputException;
import io.glasswarden.core.ResourceNotFoundException;
import io.glasswarden.ledger.Ledger;
import io.glasswarden.ledger.LedgerEvent;
import io.glasswarden.readiness.AcknowledgementRecords;
import io.glasswarden.readiness.evaluation.EvaluationService;
import io.glasswarden.security.Caller;

/** Records reviews of sign-ins (BG-042) and new methods (BG-062); each is appended to the ledger. */
@ApplicationScoped
public class AcknowledgementService implements AcknowledgementRecords {

    // Entra sign-in ids are GUIDs; method ids are GUIDs or base64url strings.
    private static final Pattern SUBJECT_ID = Pattern.compile("[A-Za-z0-9_=+.-]{1,128}");

    private final AccountService accounts;
    private final EvaluationService evaluations;
    private final Ledger ledger;
    private final Caller caller;
    private final Clock clock;
    private final jakarta.enterprise.event.Event<SignInAcknowledged> acknowledged;

    AcknowledgementService(AccountService accounts, EvaluationService evaluations, Ledger ledger, Caller caller,
            Clock clock, jakarta.enterprise.event.Event<SignInAcknowledged> acknowledged) {
        this.acknowledged = acknowledged;
        this.accounts = accounts;
        this.evaluations = evaluations;
        this.ledger = ledger;
        this.caller = caller;
        this.clock = clock;
    }

    @Transactional
    public AcknowledgementView acknowledge(String tenantId, String accountId, Acknowledgement.Subject subject,
            String subjectId, AcknowledgementRequest request) {
        EmergencyAccount account = accounts.requireChangeable(tenantId, accountId);
        boolean signIn = subject == Acknowledgement.Subject.SIGN_IN;
        String field = signIn ? "signInId" : "methodId";
        if (!SUBJECT_ID.matcher(subjectId).matches()) {
            throw new InvalidInputException(field, "is not a valid id");
        }
        if (!account.isActive()) {
            throw new ConflictException("Account " + account.id() + " is retired; it takes no acknowledgements.");
        }
        // Only what Glasswarden saw can be acknowledged: a sign-in the watch stored or an evaluation reported (BG-042),
        // a method a completed evaluation read (BG-062). Anything else is unknown, like an unknown id elsewhere.
        boolean known = signIn
                ? ObservedSignIn.count("accountId = ?1 and signInId = ?2", account.id(), subjectId) > 0
                        || evaluations.sawSignIn(account.id(), subjectId)
                : evaluations.sawMethod(account.id(), subjectId);
        if (!known) {
            throw new ResourceNotFoundException(signIn ? "sign-in" : "method", subjectId);
        }
        if (Acknowledgement.count("accountId = ?1 and subject = ?2 and subjectId = ?3", account.id(), subject,
                subjectId) > 0) {
            throw new ConflictException("This " + (subject == Acknowledgement.Subject.SIGN_IN ? "sign-in" : "method")
                    + " is already acknowledged.");
        }
        Acknowledgement ack = new Acknowledgement(account.id(), subject, subjectId, request, caller.name(), clock
                .instant());
        ack.persist();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("accountId", account.id().toString());
        data.put(field, subjectId);
        data.put("classification", request.classification().name());
        data.put("note", ack.view(null).note());
        ledger.append(new LedgerEvent(subject == Acknowledgement.Subject.SIGN_IN
                ? "SIGN_IN_ACKNOWLEDGED"
                : "METHOD_ACKNOWLEDGED", account.tenant().tenantId(), subjectId, caller.name(), data));
        if (subject == Acknowledgement.Subject.SIGN_IN) {
            Instant signInAt = ObservedSignIn.<ObservedSignIn>find("accountId = ?1 and signInId = ?2", account.id(),
                    subjectId).firstResultOptional().map(ObservedSignIn::createdAt).orElse(null);
            acknowledged.fire(new SignInAcknowledged(account.id(), account.tenant().tenantId(), subjectId,
                    request.classification().name(), signInAt, ack.acknowledgedAt(), caller.name()));
        }
        return ack.view(account.tenant().tenantId());
    }

    @Override
    @Transactional
    public Set<String> acknowledgedSignInIds(UUID accountId) {
        return ids(accountId, Acknowledgement.Subject.SIGN_IN);
    }

    @Override
    @Transactional
    public Set<String> acknowledgedMethodIds(UUID accountId) {
        return ids(accountId, Acknowledgement.Subject.METHOD);
    }

    private static Set<String> ids(UUID accountId, Acknowledgement.Subject subject) {
        Set<String> ids = new HashSet<>();
        Acknowledgement.<Acknowledgement>list("accountId = ?1 and subject = ?2", accountId, subject)
                .forEach(a -> ids.add(a.subjectId()));
        return ids;
    }
}
