package io.glasswarden.console;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.glasswarden.drills.DrillOverview;

/**
 * One row per active tenant for the fleet page, read in one query however many tenants an MSP has: accounts per
 * status, the age of the last completed evaluation, the worst open finding, sign-ins nobody reviewed yet, and data
 * gaps of the last evaluation.
 */
@ApplicationScoped
public class FleetOverview {

    private final EntityManager entityManager;
    private final DrillOverview drills;
    private final Clock clock;

    FleetOverview(EntityManager entityManager, DrillOverview drills, Clock clock) {
        this.entityManager = entityManager;
        this.drills = drills;
        this.clock = clock;
    }

    /** A tenant's line on the fleet page. */
    public record TenantLine(String tenantId, String displayName, long ready, long atRisk, long notReady, long unknown,
            long unevaluated, Instant lastEvaluation, String lastEvaluationAge, long openSignIns, long dataGaps,
            String worstStatus, List<String> worstFindings, LocalDate nextDrillDue) {

        public long accounts() {
            return ready + atRisk + notReady + unknown + unevaluated;
        }

        /** Sort weight: NOT_READY first, then UNKNOWN, AT_RISK, not evaluated, READY. */
        int severity() {
            return switch (worstStatus) {
                case "NOT_READY" -> 0;
                case "UNKNOWN" -> 1;
                case "AT_RISK" -> 2;
                case "UNEVALUATED" -> 3;
                default -> 4;
            };
        }
    }

    /** Sort orders the fleet page offers. */
    public enum Sort {
        WORST, NAME, EVALUATED, DRILL
    }

    @Transactional
    public List<TenantLine> tenants(String filter, Sort sort) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                select t.tenant_id, t.display_name,
                  count(a.id) filter (where a.readiness_status = 'READY'),
                  count(a.id) filter (where a.readiness_status = 'AT_RISK'),
                  count(a.id) filter (where a.readiness_status = 'NOT_READY'),
                  count(a.id) filter (where a.readiness_status = 'UNKNOWN'),
                  count(a.id) filter (where a.id is not null and a.readiness_status is null),
                  (select max(e.completed_at) from evaluations e where e.tenant_ref = t.id and e.status = 'COMPLETED'),
                  (select count(*) from observed_sign_ins s join accounts sa on sa.id = s.account_ref
                     where sa.tenant_ref = t.id and sa.lifecycle_state = 'ACTIVE' and not exists (
                       select 1 from acknowledgements k where k.account_ref = s.account_ref
                         and k.subject_kind = 'SIGN_IN' and k.subject_id = s.sign_in_id)),
                  coalesce((select jsonb_array_length(e.data_gaps) from evaluations e where e.tenant_ref = t.id
                     and e.status = 'COMPLETED' and jsonb_typeof(e.data_gaps) = 'array'
                     order by e.completed_at desc limit 1), 0),
                  (select string_agg(x.rule_id, ',' order by x.rank, x.rule_id) from (
                     select distinct f ->> 'ruleId' as rule_id, case f ->> 'severity' when 'CRITICAL' then 0
                       when 'HIGH' then 1 when 'MEDIUM' then 2 else 3 end as rank
                     from accounts fa cross join lateral jsonb_array_elements(
                       case when jsonb_typeof(fa.readiness -> 'findings') = 'array'
                         then fa.readiness -> 'findings' else '[]'::jsonb end) f
                     where fa.tenant_ref = t.id and fa.lifecycle_state = 'ACTIVE' and f ->> 'result' = 'FAIL') x)
                from tenants t left join accounts a on a.tenant_ref = t.id and a.lifecycle_state = 'ACTIVE'
                where t.lifecycle_state = 'ACTIVE'
                group by t.id, t.tenant_id, t.display_name""").getResultList();
        Instant now = clock.instant();
        String needle = filter == null ? "" : filter.trim().toLowerCase(Locale.ROOT);
        Comparator<TenantLine> order = switch (sort) {
            case NAME -> Comparator.comparing(l -> l.displayName().toLowerCase(Locale.ROOT));
            case EVALUATED -> Comparator.comparing(TenantLine::lastEvaluation,
                    Comparator.nullsFirst(Comparator.naturalOrder()));
            case DRILL -> Comparator.comparing(TenantLine::nextDrillDue,
                    Comparator.nullsLast(Comparator.naturalOrder()));
            case WORST -> Comparator.comparingInt(TenantLine::severity)
                    .thenComparing(l -> l.displayName().toLowerCase(Locale.ROOT));
        };
        Map<String, LocalDate> nextDrills = drills.soonestDueByTenant();
        return rows.stream()
                .map(row -> line(row, now, nextDrills.get((String) row[0])))
                .filter(l -> needle.isEmpty() || l.displayName().toLowerCase(Locale.ROOT).contains(needle)
                        || l.tenantId().contains(needle) || l.worstStatus().toLowerCase(Locale.ROOT).equals(needle))
                .sorted(order)
                .toList();
    }

    private static TenantLine line(Object[] row, Instant now, LocalDate nextDrillDue) {
        long ready = number(row[2]), atRisk = number(row[3]), notReady = number(row[4]), unknown = number(row[5]),
                unevaluated = number(row[6]);
        Instant last = row[7] == null ? null : row[7] instanceof Instant i ? i : ((Timestamp) row[7]).toInstant();
        String worst = notReady > 0
                ? "NOT_READY"
                : unknown > 0
                        ? "UNKNOWN"
                        : atRisk > 0
                                ? "AT_RISK"
                                : unevaluated > 0 || ready == 0
                                        ? "UNEVALUATED"
                                        : "READY";
        return new TenantLine((String) row[0], (String) row[1], ready, atRisk, notReady, unknown, unevaluated, last,
                last == null ? "never" : age(Duration.between(last, now)), number(row[8]), number(row[9]), worst,
                row[10] == null ? List.of() : List.of(((String) row[10]).split(",")).stream().limit(3).toList(),
                nextDrillDue);
    }

    static String age(Duration age) {
        if (age.isNegative() || age.toMinutes() < 1) {
            return "just now";
        }
        if (age.toHours() < 1) {
            return age.toMinutes() + " min ago";
        }
        if (age.toDays() < 2) {
            return age.toHours() + " h ago";
        }
        return age.toDays() + " days ago";
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
