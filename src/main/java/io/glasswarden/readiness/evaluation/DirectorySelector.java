package io.glasswarden.readiness.evaluation;

import jakarta.enterprise.context.ApplicationScoped;

import io.glasswarden.directory.Directory;
import io.glasswarden.directory.graph.GraphDirectory;
import io.glasswarden.directory.snapshot.SnapshotDirectory;
import io.glasswarden.tenants.DirectoryKind;
import io.smallrye.common.annotation.Identifier;

/** The directory a tenant is read from: live Graph (fails clearly when not configured) or its uploaded snapshot. */
@ApplicationScoped
public class DirectorySelector {

    private final GraphDirectory graph;
    private final SnapshotDirectory snapshot;

    DirectorySelector(GraphDirectory graph, @Identifier(SnapshotDirectory.NAME) SnapshotDirectory snapshot) {
        this.graph = graph;
        this.snapshot = snapshot;
    }

    public Directory forKind(DirectoryKind kind) {
        return kind == DirectoryKind.SNAPSHOT ? snapshot : graph;
    }

    /** Whether live tenants can be read at all (a Graph client id and credential are configured). */
    public boolean graphConfigured() {
        return graph.isConfigured();
    }
}
