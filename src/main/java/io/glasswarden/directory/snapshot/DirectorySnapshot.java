package io.glasswarden.directory.snapshot;

import java.time.Instant;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The current directory snapshot of a tenant; an upload replaces it. */
@Entity
@Table(name = "directory_snapshots")
public class DirectorySnapshot extends PanacheEntityBase {

    @Id
    @Column(name = "tenant_id")
    private String tenantId;
    @Column(name = "captured_at", nullable = false)
    private Instant capturedAt;
    @Column(name = "uploaded_at", nullable = false)
    private Instant uploadedAt;
    @Column(name = "uploaded_by", nullable = false)
    private String uploadedBy;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private Map<String, Object> document;

    protected DirectorySnapshot() {
    }

    DirectorySnapshot(String tenantId) {
        this.tenantId = tenantId;
    }

    void replace(SnapshotDocument snapshot, String by, Instant now) {
        this.capturedAt = snapshot.capturedAt();
        this.uploadedAt = now;
        this.uploadedBy = by;
        this.document = SnapshotFormat.toMap(snapshot);
    }

    public String tenantId() {
        return tenantId;
    }

    public Instant capturedAt() {
        return capturedAt;
    }

    public Instant uploadedAt() {
        return uploadedAt;
    }

    public String uploadedBy() {
        return uploadedBy;
    }

    public SnapshotDocument document() {
        return SnapshotFormat.fromMap(document);
    }
}
