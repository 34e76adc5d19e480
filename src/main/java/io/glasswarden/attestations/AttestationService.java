package io.glasswarden.attestations;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.glasswarden.accounts.AccountService;
import io.glasswarden.accounts.EmergencyAccount;
import io.glasswarden.core.ConflictException;
import io.glasswarden.core.Page;
import io.glasswarden.core.PageRequest;
import io.glasswarden.core.ResourceId;
import io.glasswarden.core.ResourceNotFoundException;
import io.glasswarden.ledger.Ledger;
import io.glasswarden.ledger.LedgerEvent;
import io.glasswarden.readiness.AttestationRecords;
import io.glasswarden.readiness.InventoryFacts;
import io.glasswarden.security.Caller;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.ForbiddenException;

/** Records attestations (append-only) and reads them back; each is appended to the ledger in the same transaction. */
@ApplicationScoped
public class AttestationService implements AttestationRecords {

    private static final Sort NEWEST_FIRST = Sort.by("attestedAt", Sort.Direction.Descending).and("id");

    private final AccountService accounts;
    private final Ledger ledger;
    private final Caller caller;
    private final Clock clock;

    AttestationService(AccountService accounts, Ledger ledger, Caller caller, Clock clock) {
        this.accounts = accounts;
        this.ledger = ledger;
        this.caller = caller;
        this.clock = clock;
    }

    /**
     * Records an attestation sent to the API. A custodian attests in their own name only: {@code attestedBy} must be
     * their own e-mail address (403 otherwise); only operators record an attestation on someone else's behalf. Either
     * way {@code recordedBy} names the caller.
     */
    @Transactional
    public AttestationView record(String tenantId, String accountId, AttestationRequest request) {
        EmergencyAccount account = accounts.require(tenantId, accountId);
        AttestationRequest effective = request;
        if (caller.isCustodianOnly()) {
            String self = caller.email().orElseThrow(() -> new ForbiddenException("A custodian without an e-mail"));
            if (!self.equalsIgnoreCase(request.attestedBy().trim())) {
                throw new ForbiddenException("Custodians attest in their own name only");
            }
            effective = new AttestationRequest(request.kind(), self, request.statement(), request.keysSighted());
        }
        return record(account, effective, Attestation.Channel.API, caller.name());
    }

    /** Records an attestation for an account already authorised by the caller (e.g. through a signed link). */
    @Transactional(Transactional.TxType.MANDATORY)
    AttestationView record(EmergencyAccount account, AttestationRequest request, Attestation.Channel channel,
            String recordedBy) {
        if (!account.isActive()) {
            throw new ConflictException("Account " + account.id() + " is retired; it takes no new attestations.");
        }
        Attestation attestation = new Attestation(account.id(), request, channel, recordedBy, clock.instant());
        attestation.persist();
        AttestationView view = attestation.view(account.tenant().tenantId());
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("accountId", account.id().toString());
        data.put("kind", view.kind().name());
        data.put("attestedBy", view.attestedBy());
        data.put("statement", view.statement());
        data.put("keysSighted", view.keysSighted());
        data.put("channel", channel.name());
        data.put("recordedBy", recordedBy);
        ledger.append(new LedgerEvent("ATTESTATION_RECORDED", account.tenant().tenantId(), view.id().toString(),
                recordedBy, data));
        return view;
    }

    @Transactional
    public Page<AttestationView> list(String tenantId, String accountId, PageRequest request) {
        EmergencyAccount account = accounts.require(tenantId, accountId);
        PanacheQuery<Attestation> query = Attestation.find("accountId", NEWEST_FIRST, account.id());
        return new Page<>(query.page(request.page(), request.size()).list(), request.page(), request.size(), query
                .count()).map(a -> a.view(account.tenant().tenantId()));
    }

    @Transactional
    public AttestationView get(String tenantId, String accountId, String attestationId) {
        EmergencyAccount account = accounts.require(tenantId, accountId);
        UUID id = ResourceId.parse(attestationId, "attestation");
        return Attestation.<Attestation>find("accountId = ?1 and id = ?2", account.id(), id)
                .firstResultOptional()
                .map(a -> a.view(account.tenant().tenantId()))
                .orElseThrow(() -> new ResourceNotFoundException("attestation", attestationId));
    }

    @Override
    @Transactional
    public List<InventoryFacts.Attestation> list(UUID accountId) {
        return Attestation.<Attestation>list("accountId", NEWEST_FIRST, accountId)
                .stream()
                .map(Attestation::facts)
                .toList();
    }
}
