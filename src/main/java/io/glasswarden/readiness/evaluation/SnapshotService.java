package io.glasswarden.readiness.evaluation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.glasswarden.accounts.AccountService;
import io.glasswarden.core.ConflictException;
import io.glasswarden.core.ResourceNotFoundException;
import io.glasswarden.core.ServiceUnavailableException;
import io.glasswarden.directory.CandidateUser;
import io.glasswarden.directory.Directory;
import io.glasswarden.directory.DirectoryReading;
import io.glasswarden.directory.DirectoryResult;
import io.glasswarden.directory.DirectoryUnavailableException;
import io.glasswarden.directory.snapshot.DirectorySnapshot;
import io.glasswarden.directory.snapshot.SnapshotCapture;
import io.glasswarden.directory.snapshot.SnapshotDocument;
import io.glasswarden.directory.snapshot.SnapshotFormat;
import io.glasswarden.directory.snapshot.SnapshotStore;
import io.glasswarden.tenants.DirectoryKind;
import io.glasswarden.tenants.Tenant;
import io.glasswarden.tenants.TenantService;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** Uploads snapshots for {@code snapshot} tenants and captures them from Graph for {@code graph} tenants. */
@ApplicationScoped
public class SnapshotService {

    private final TenantService tenants;
    private final AccountService accounts;
    private final SnapshotStore store;
    private final DirectorySelector directories;
    private final Clock clock;

    SnapshotService(TenantService tenants, AccountService accounts, SnapshotStore store,
            DirectorySelector directories, Clock clock) {
        this.tenants = tenants;
        this.accounts = accounts;
        this.store = store;
        this.directories = directories;
        this.clock = clock;
    }

    /** Validates and stores a snapshot (nothing is stored when it is invalid). */
    public DirectorySnapshot upload(String tenantId, String json, String uploadedBy) {
        Tenant tenant = tenants.require(tenantId);
        if (tenant.directory() != DirectoryKind.SNAPSHOT) {
            throw new ConflictException("Tenant " + tenant.tenantId() + " is read from Microsoft Graph (directory ="
                    + " graph); set its directory to snapshot to audit an uploaded snapshot.");
        }
        SnapshotDocument snapshot = SnapshotFormat.parse(json, tenant.tenantId());
        return store.save(snapshot, uploadedBy);
    }

    /** The stored snapshot of a snapshot tenant, or one captured now from Graph for a graph tenant, as JSON. */
    public String snapshot(String tenantId) {
        Tenant tenant = tenants.require(tenantId);
        if (tenant.directory() == DirectoryKind.SNAPSHOT) {
            return store.find(tenant.tenantId())
                    .map(s -> SnapshotFormat.write(s.document()))
                    .orElseThrow(() -> new ResourceNotFoundException("snapshot for tenant", tenant.tenantId()));
        }
        return SnapshotFormat.write(capture(tenant));
    }

    private SnapshotDocument capture(Tenant tenant) {
        EvaluationPlan plan = QuarkusTransaction.requiringNew()
                .call(() -> EvaluationPlan.of(null, tenants.require(tenant.tenantId()),
                        accounts.activeAccounts(tenants.require(tenant.tenantId()))));
        Directory directory = directories.forKind(DirectoryKind.GRAPH);
        Instant now = clock.instant();
        try {
            DirectoryReading reading = directory.read(plan.tenant(), plan.refs(),
                    now.minus(Duration.ofDays(plan.settings().drillIntervalDays())));
            DirectoryResult<List<CandidateUser>> admins = directory.readGlobalAdministrators(plan.tenant());
            return SnapshotCapture.capture(tenant.tenantId(), now, reading, admins.fact());
        } catch (DirectoryUnavailableException e) {
            throw new ServiceUnavailableException("Microsoft Graph could not be read: " + e.getMessage());
        }
    }
}
