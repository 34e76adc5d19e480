package io.glasswarden.readiness.evaluation;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.glasswarden.tenants.Tenant;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One run of the rule catalogue over a tenant: its state and, once completed, the tenant-level results. */
@Entity
@Table(name = "evaluations")
public class Evaluation extends PanacheEntityBase {

    @Id
    private UUID id;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "tenant_ref", nullable = false, updatable = false)
    private Tenant tenant;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private EvaluationStatus status;
    @Column(name = "requested_at", nullable = false)
    private Instant requestedAt;
    @Column(name = "requested_by", nullable = false)
    private String requestedBy;
    @Column(name = "started_at")
    private Instant startedAt;
    @Column(name = "completed_at")
    private Instant completedAt;
    @Column(name = "claimed_by")
    private String claimedBy;
    @Column(nullable = false)
    private int attempts;
    @Column(name = "graph_requests")
    private Integer graphRequests;
    @JdbcTypeCode(SqlTypes.JSON)
    private EvaluationSummary summary;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "tenant_findings")
    private List<Map<String, Object>> tenantFindings;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "data_gaps")
    private List<Map<String, Object>> dataGaps;
    private String error;

    /** Who runs it: the instance and the attempt number of its claim; a new claim supersedes an earlier one. */
    record Claim(String instance, int attempt) {
    }

    protected Evaluation() {
    }

    void start(String instance, Instant now) {
        this.status = EvaluationStatus.RUNNING;
        this.startedAt = now;
        this.claimedBy = instance;
        this.attempts++;
    }

    void complete(EvaluationSummary summary, List<Map<String, Object>> findings, List<Map<String, Object>> gaps,
            int requests, Instant now) {
        this.status = EvaluationStatus.COMPLETED;
        this.summary = summary;
        this.tenantFindings = findings;
        this.dataGaps = gaps;
        this.graphRequests = requests;
        this.completedAt = now;
    }

    void fail(String error, Integer requests, Instant now) {
        this.status = EvaluationStatus.FAILED;
        this.error = error.length() > 2000 ? error.substring(0, 2000) : error;
        this.graphRequests = requests;
        this.completedAt = now;
    }

    public UUID id() {
        return id;
    }

    public Tenant tenant() {
        return tenant;
    }

    public EvaluationStatus status() {
        return status;
    }

    public Instant requestedAt() {
        return requestedAt;
    }

    public String requestedBy() {
        return requestedBy;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant completedAt() {
        return completedAt;
    }

    public Integer graphRequests() {
        return graphRequests;
    }

    public EvaluationSummary summary() {
        return summary;
    }

    public List<Map<String, Object>> tenantFindings() {
        return tenantFindings;
    }

    public List<Map<String, Object>> dataGaps() {
        return dataGaps;
    }

    public String error() {
        return error;
    }

    int attempts() {
        return attempts;
    }

    Claim claim() {
        return new Claim(claimedBy, attempts);
    }

    /** Whether the run of {@code claim} may still record its outcome: nobody has queued or claimed it again since. */
    boolean runningUnder(Claim claim) {
        return status == EvaluationStatus.RUNNING && claim().equals(claim);
    }
}
