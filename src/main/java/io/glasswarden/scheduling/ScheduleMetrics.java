package io.glasswarden.scheduling;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.glasswarden.tenants.TenantRepository;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

/**
 * {@code glasswarden_tenant_schedule_problems}: active tenants whose own evaluation schedule is not in force (they are
 * evaluated on the default schedule instead; the tenant's {@code scheduleProblem} says why). Counted in the database
 * when scraped, so every instance reports the same number.
 */
@ApplicationScoped
class ScheduleMetrics {

    private final TenantRepository tenants;

    ScheduleMetrics(TenantRepository tenants) {
        this.tenants = tenants;
    }

    void register(@Observes StartupEvent start, MeterRegistry registry) {
        Gauge.builder("glasswarden.tenant.schedule.problems", this, ScheduleMetrics::count)
                .description("Active tenants whose evaluation schedule cannot be used as set (see the tenant's"
                        + " scheduleProblem)")
                .strongReference(true)
                .register(registry);
    }

    double count() {
        try {
            return QuarkusTransaction.requiringNew().call(tenants::countScheduleProblems);
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
