package io.glasswarden.accounts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.glasswarden.core.LifecycleState;
import io.glasswarden.core.StoredJson;

/** An emergency account as the API shows it; {@code readiness} is null before the first evaluation. */
public record AccountView(
        UUID id,
        String tenantId,
        String userPrincipalName,
        String objectId,
        String displayName,
        boolean expectsCertificateAuth,
        List<Custodian> custodians,
        List<PhysicalKey> keys,
        String notes,
        LifecycleState lifecycleState,
        Instant createdAt,
        Instant updatedAt,
        Instant retiredAt,
        StoredJson readiness) {

    public static AccountView of(EmergencyAccount account) {
        return new AccountView(account.id(), account.tenant().tenantId(), account.userPrincipalName(),
                account.objectId(), account.displayName(), account.expectsCertificateAuth(), account.custodians(),
                account.keys(), account.notes(), account.lifecycleState(), account.createdAt(), account.updatedAt(),
                account.retiredAt(), account.readiness());
    }
}
