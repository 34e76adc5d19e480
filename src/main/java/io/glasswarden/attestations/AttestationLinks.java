package io.glasswarden.attestations;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.glasswarden.accounts.EmergencyAccount;
import io.glasswarden.accounts.PhysicalKey;
import io.glasswarden.attestations.LinkRejectedException.Reason;

/**
 * Signed, expiring, single-use attestation links: issued with a request e-mail, opened as an HTML form, consumed by
 * the form's submission. A link is refused when its signature does not verify, it has expired, it was used, or its
 * custodian no longer keeps the account.
 */
@ApplicationScoped
public class AttestationLinks {

    private final LinkSecret secret;
    private final AttestationService attestations;
    private final AttestationConfig config;
    private final Clock clock;

    AttestationLinks(LinkSecret secret, AttestationService attestations, AttestationConfig config, Clock clock) {
        this.secret = secret;
        this.attestations = attestations;
        this.config = config;
        this.clock = clock;
    }

    /** What the form shows and needs to be submitted. */
    record Form(String token, String csrf, String tenantName, String accountName, String custodian,
            List<String> keys, Instant expiresAt) {
    }

    /** Creates a link for a custodian of the account; returns the token to put in the URL. */
    @Transactional(Transactional.TxType.MANDATORY)
    public String issue(EmergencyAccount account, String custodian) {
        Instant now = clock.instant();
        AttestationLink link = new AttestationLink(account.id(), custodian, now, now.plus(config.linkValidity()));
        link.persist();
        return LinkToken.sign(secret.key(), link.id(), account.id(), custodian, link.expiresAt()).value();
    }

    @Transactional
    Form open(String token) {
        Opened opened = check(token);
        return form(token, opened);
    }

    /** Records the attestation and consumes the link, or throws without consuming it. */
    @Transactional
    AttestationView submit(String token, String csrf, String kind, String statement, List<String> keysSighted) {
        Opened opened = check(token);
        if (!LinkToken.constantTimeEquals(csrf, LinkToken.csrf(secret.key(), opened.link().id()))) {
            throw new LinkRejectedException(Reason.FORBIDDEN);
        }
        AttestationRequest request = FormInput.validate(opened.link().custodian(), kind, statement, keysSighted,
                opened.account().keys().stream().map(PhysicalKey::label).toList());
        int consumed = AttestationLink.update("usedAt = ?1 where id = ?2 and usedAt is null", clock.instant(), opened
                .link()
                .id());
        if (consumed != 1) {
            throw new LinkRejectedException(Reason.USED);
        }
        return attestations.record(opened.account(), request, Attestation.Channel.LINK, "link:" + opened.link()
                .custodian());
    }

    Form form(String token, Opened opened) {
        EmergencyAccount account = opened.account();
        String name = account.displayName() != null ? account.displayName() : account.userPrincipalName();
        return new Form(token, LinkToken.csrf(secret.key(), opened.link().id()), account.tenant().displayName(), name,
                opened.link().custodian(), account.keys().stream().map(PhysicalKey::label).toList(), opened.link()
                        .expiresAt());
    }

    record Opened(AttestationLink link, EmergencyAccount account) {
    }

    Opened check(String token) {
        LinkToken parsed = LinkToken.parse(token).orElseThrow(() -> new LinkRejectedException(Reason.INVALID));
        AttestationLink link = Optional.ofNullable(AttestationLink.<AttestationLink>findById(parsed.linkId()))
                .orElseThrow(() -> new LinkRejectedException(Reason.INVALID));
        if (!parsed.verifies(secret.key(), link.accountId(), link.custodian(), link.expiresAt())) {
            throw new LinkRejectedException(Reason.INVALID);
        }
        if (link.usedAt() != null) {
            throw new LinkRejectedException(Reason.USED);
        }
        if (!clock.instant().isBefore(link.expiresAt())) {
            throw new LinkRejectedException(Reason.EXPIRED);
        }
        EmergencyAccount account = EmergencyAccount.findById(link.accountId());
        if (account == null || !account.isActive() || !account.hasCustodian(link.custodian())) {
            throw new LinkRejectedException(Reason.INVALID);
        }
        return new Opened(link, account);
    }
}
