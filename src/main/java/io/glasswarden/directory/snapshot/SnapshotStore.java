package io.glasswarden.directory.snapshot;

import java.time.Clock;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.glasswarden.core.Guids;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** The stored snapshots, one per tenant (Entra tenant id). */
@ApplicationScoped
public class SnapshotStore implements PanacheRepositoryBase<DirectorySnapshot, String> {

    private final Clock clock;

    SnapshotStore(Clock clock) {
        this.clock = clock;
    }

    /** Stores a validated snapshot as the tenant's current one, replacing any earlier upload. */
    @Transactional
    public DirectorySnapshot save(SnapshotDocument snapshot, String uploadedBy) {
        String tenantId = Guids.normalize(snapshot.tenantId());
        DirectorySnapshot stored = findByIdOptional(tenantId).orElseGet(() -> {
            DirectorySnapshot created = new DirectorySnapshot(tenantId);
            persist(created);
            return created;
        });
        stored.replace(snapshot, uploadedBy, clock.instant());
        return stored;
    }

    public Optional<DirectorySnapshot> find(String tenantId) {
        return findByIdOptional(Guids.normalize(tenantId));
    }
}
