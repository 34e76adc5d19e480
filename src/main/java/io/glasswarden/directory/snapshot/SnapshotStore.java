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
        DirectorySnapshot stored = findByIdOptional(tenantId).orElse(null);
        if (stored != null) {
            stored.replace(snapshot, uploadedBy, clock.instant());
            return stored;
        }
        DirectorySnapshot created = new DirectorySnapshot(tenantId);
        created.replace(snapshot, uploadedBy, clock.instant());
        persist(created);
        return created;
    }

    /** Transactional itself, because evaluations read snapshots from worker threads without a request context. */
    @Transactional
    public Optional<DirectorySnapshot> find(String tenantId) {
        return findByIdOptional(Guids.normalize(tenantId));
    }
}
