package io.glasswarden.enforcement;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.glasswarden.core.LifecycleState;
import io.glasswarden.directory.DataGap;
import io.glasswarden.directory.Directory;
import io.glasswarden.directory.DirectoryTenant;
import io.glasswarden.directory.EnforcementSignIns;
import io.glasswarden.directory.Fact;
import io.glasswarden.readiness.EnforcementPhase;
import io.glasswarden.tenants.DirectoryKind;
import io.glasswarden.tenants.Tenant;
import io.glasswarden.tenants.TenantRepository;
import io.glasswarden.tenants.TenantService;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** Builds enforcement impact reports from the tenants' sign-in logs (no transaction held during Graph reads). */
@ApplicationScoped
public class ImpactReportService {

    static final String NOTE = "Workload identities (service principals, managed identities) are not affected by "
            + "either phase of mandatory MFA (Microsoft Learn, planning page). Applications without a published "
            + "application id (IaC tools, REST API, SDKs) sign in through Azure CLI or Azure PowerShell.";

    private final TenantService tenants;
    private final TenantRepository tenantRows;
    private final EnforcementService enforcement;
    private final Directory directory;
    private final Clock clock;

    ImpactReportService(TenantService tenants, TenantRepository tenantRows, EnforcementService enforcement,
            Directory directory, Clock clock) {
        this.tenants = tenants;
        this.tenantRows = tenantRows;
        this.enforcement = enforcement;
        this.directory = directory;
        this.clock = clock;
    }

    public ImpactReport report(String tenantId, int days) {
        record Plan(String tenantId, String cloud, DirectoryKind kind, List<EnforcementPhase> phases) {
        }
        Plan plan = QuarkusTransaction.requiringNew().call(() -> {
            Tenant tenant = tenants.require(tenantId);
            return new Plan(tenant.tenantId(), tenant.cloud().wireValue(), tenant.directory(),
                    enforcement.phasesOf(tenant));
        });
        return build(plan.tenantId(), plan.cloud(), plan.kind(), plan.phases(), days);
    }

    /** The reports of every active tenant (the fleet-wide CSV). */
    public List<ImpactReport> fleet(int days) {
        List<String> ids = QuarkusTransaction.requiringNew()
                .call(() -> tenantRows.list("lifecycleState", LifecycleState.ACTIVE)
                        .stream()
                        .map(Tenant::tenantId)
                        .toList());
        return ids.stream().map(id -> report(id, days)).toList();
    }

    private ImpactReport build(String tenantId, String cloud, DirectoryKind kind, List<EnforcementPhase> phases,
            int days) {
        Instant now = clock.instant();
        Map<String, ImpactReport.Application> apps = new LinkedHashMap<>();
        for (EnforcementPhase phase : phases) {
            for (EnforcementPhase.Application a : phase.applications()) {
                if (a.appId() != null) {
                    apps.putIfAbsent(a.appId(), new ImpactReport.Application(a.appId(), a.name(), phase.phase()));
                }
            }
        }
        if (kind == DirectoryKind.SNAPSHOT) {
            return new ImpactReport(tenantId, now, days, null, null, false, new ImpactReport.Missing("sign-in logs",
                    "not-available", null, null, "the tenant is evaluated from an uploaded snapshot, which holds no "
                            + "sign-in logs"),
                    List.copyOf(apps.values()), List.of(), List.of(), NOTE);
        }
        EnforcementSignIns read;
        try {
            read = directory
                    .readEnforcementSignIns(new DirectoryTenant(tenantId, cloud), Set.copyOf(apps.keySet()), days, now)
                    .fact()
                    .asOptional()
                    .orElseThrow();
        } catch (io.glasswarden.directory.DirectoryUnavailableException e) {
            return new ImpactReport(tenantId, now, days, null, null, false, new ImpactReport.Missing("sign-in logs",
                    "graph-error", null, null, "the directory could not be read: " + e.getMessage()),
                    List.copyOf(apps.values()), List.of(), List.of(), NOTE);
        }
        int window = (int) java.time.Duration.between(read.since(), now).toDays();
        Boolean premium = read.premium().asOptional().orElse(null);
        if (!read.signIns().isKnown()) {
            return new ImpactReport(tenantId, now, window, read.since(), premium, false,
                    missing(read.signIns().missing().orElseThrow()), List.copyOf(apps.values()), List.of(), List.of(),
                    NOTE);
        }
        Fact<Map<String, Boolean>> capable = read.mfaCapable();
        List<ImpactReport.User> users = users(read.signIns().value(), apps, capable);
        List<ImpactReport.WorkloadIdentity> workloads = workloads(read.signIns().value());
        return new ImpactReport(tenantId, now, window, read.since(), premium, true,
                capable.isKnown() ? null : missing(capable.missing().orElseThrow()), List.copyOf(apps.values()),
                users, workloads, NOTE);
    }

    private static ImpactReport.Missing missing(DataGap gap) {
        return new ImpactReport.Missing(gap.data(), gap.reason() == null ? null : gap.reason().wireValue(),
                gap.permission(), gap.licence(), gap.detail());
    }

    private static List<ImpactReport.User> users(List<EnforcementSignIns.Entry> entries,
            Map<String, ImpactReport.Application> apps, Fact<Map<String, Boolean>> capable) {
        Map<String, List<EnforcementSignIns.Entry>> byUser = new LinkedHashMap<>();
        entries.stream()
                .filter(e -> !e.workload() && e.userId() != null)
                .forEach(e -> byUser.computeIfAbsent(e.userId().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                        .add(e));
        List<ImpactReport.User> users = new ArrayList<>();
        for (Map.Entry<String, List<EnforcementSignIns.Entry>> u : byUser.entrySet()) {
            List<EnforcementSignIns.Entry> list = u.getValue();
            Set<String> appIds = new LinkedHashSet<>();
            list.forEach(e -> appIds.add(e.appId()));
            List<ImpactReport.AppUse> uses = new ArrayList<>();
            for (String appId : appIds) {
                List<EnforcementSignIns.Entry> ofApp = list.stream().filter(e -> appId.equals(e.appId())).toList();
                ImpactReport.Application app = apps.get(appId);
                uses.add(new ImpactReport.AppUse(appId, ofApp.get(0).appDisplayName() != null
                        ? ofApp.get(0).appDisplayName()
                        : app == null ? null : app.name(), app == null ? null : app.phase(), ofApp.size(),
                        withoutMfa(ofApp), last(ofApp)));
            }
            Boolean mfaCapable = capable.asOptional().map(m -> m.get(u.getKey())).orElse(null);
            int without = withoutMfa(list);
            EnforcementSignIns.Entry any = list.get(list.size() - 1);
            users.add(new ImpactReport.User(any.userId(), any.userPrincipalName(), any.userDisplayName(), mfaCapable,
                    list.size(), without, last(list), without > 0 && !Boolean.TRUE.equals(mfaCapable),
                    List.copyOf(uses)));
        }
        users.sort(Comparator.comparing(ImpactReport.User::wouldBeBlocked)
                .reversed()
                .thenComparing(u -> String.valueOf(u.userPrincipalName())));
        return List.copyOf(users);
    }

    private static List<ImpactReport.WorkloadIdentity> workloads(List<EnforcementSignIns.Entry> entries) {
        Map<String, List<EnforcementSignIns.Entry>> by = new LinkedHashMap<>();
        entries.stream()
                .filter(EnforcementSignIns.Entry::workload)
                .forEach(e -> by.computeIfAbsent(String.valueOf(e.servicePrincipalId()), k -> new ArrayList<>())
                        .add(e));
        return by.values()
                .stream()
                .map(l -> new ImpactReport.WorkloadIdentity(l.get(0).servicePrincipalId(),
                        l.get(0).servicePrincipalName(), l.get(0).appId(), l.size(), false))
                .toList();
    }

    private static int withoutMfa(List<EnforcementSignIns.Entry> entries) {
        return (int) entries.stream()
                .filter(e -> "singleFactorAuthentication".equalsIgnoreCase(e.authenticationRequirement()))
                .count();
    }

    private static Instant last(List<EnforcementSignIns.Entry> entries) {
        return entries.stream()
                .map(EnforcementSignIns.Entry::createdDateTime)
                .filter(java.util.Objects::nonNull)
                .max(Comparator.naturalOrder())
                .orElse(null);
    }
}
