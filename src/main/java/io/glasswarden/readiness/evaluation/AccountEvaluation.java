package io.glasswarden.readiness.evaluation;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.glasswarden.core.StoredJson;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The readiness of one account in one evaluation, kept for results and history (trend). */
@Entity
@Table(name = "account_evaluations")
public class AccountEvaluation extends PanacheEntityBase {

    @Id
    private UUID id;
    @Column(name = "evaluation_id", nullable = false)
    private UUID evaluationId;
    @Column(name = "account_id", nullable = false)
    private UUID accountId;
    @Column(nullable = false)
    private int position;
    @Column(nullable = false)
    private String status;
    @Column(name = "evaluated_at", nullable = false)
    private Instant evaluatedAt;
    /** The readiness object of api.md as stored ({@link StoredJson}). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    private String readiness;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "method_ids")
    private List<String> methodIds;

    protected AccountEvaluation() {
    }

    AccountEvaluation(UUID evaluationId, UUID accountId, int position, String status, Instant evaluatedAt,
            StoredJson readiness, List<String> methodIds) {
        this.id = UUID.randomUUID();
        this.evaluationId = evaluationId;
        this.accountId = accountId;
        this.position = position;
        this.status = status;
        this.evaluatedAt = evaluatedAt;
        this.readiness = readiness.text();
        this.methodIds = methodIds;
    }

    public UUID evaluationId() {
        return evaluationId;
    }

    public UUID accountId() {
        return accountId;
    }

    public String status() {
        return status;
    }

    public Instant evaluatedAt() {
        return evaluatedAt;
    }

    public StoredJson readiness() {
        return new StoredJson(readiness);
    }

    public List<String> methodIds() {
        return methodIds;
    }
}
