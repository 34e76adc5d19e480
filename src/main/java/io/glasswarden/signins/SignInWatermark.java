package io.glasswarden.signins;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** How far a tenant's sign-in logs have been read by the watch. */
@Entity
@Table(name = "sign_in_watermarks")
public class SignInWatermark extends PanacheEntityBase {

    @Id
    @Column(name = "tenant_ref")
    private UUID tenantId;
    @Column(name = "read_until", nullable = false)
    private Instant readUntil;

    protected SignInWatermark() {
    }

    SignInWatermark(UUID tenantId, Instant readUntil) {
        this.tenantId = tenantId;
        this.readUntil = readUntil;
    }

    Instant readUntil() {
        return readUntil;
    }

    void advance(Instant to) {
        if (to.isAfter(readUntil)) {
            readUntil = to;
        }
    }
}
