package io.glasswarden.console;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Validator;
import jakarta.ws.rs.core.Response;

import io.glasswarden.accounts.AccountService;
import io.glasswarden.accounts.AccountView;
import io.glasswarden.accounts.EmergencyAccount;
import io.glasswarden.accounts.PhysicalKey;
import io.glasswarden.attestations.AttestationRequest;
import io.glasswarden.attestations.AttestationService;
import io.glasswarden.attestations.AttestationView;
import io.glasswarden.core.InvalidInputException;
import io.glasswarden.core.LifecycleState;
import io.glasswarden.core.PageRequest;
import io.glasswarden.core.ResourceNotFoundException;
import io.glasswarden.drills.DrillOverview;
import io.glasswarden.drills.DrillRequest;
import io.glasswarden.drills.DrillService;
import io.glasswarden.drills.DrillStatusView;
import io.glasswarden.drills.DrillView;
import io.glasswarden.evidence.EvidenceResource;
import io.glasswarden.ledger.LedgerEntries;
import io.glasswarden.ledger.LedgerEntryView;
import io.glasswarden.ledger.LedgerVerification;
import io.glasswarden.ledger.LedgerVerifier;
import io.glasswarden.readiness.evaluation.EvaluationResults;
import io.glasswarden.readiness.evaluation.EvaluationService;
import io.glasswarden.readiness.evaluation.ReadinessHistoryEntry;
import io.glasswarden.readiness.evaluation.ReadinessResource;
import io.glasswarden.security.Caller;
import io.glasswarden.signins.Acknowledgement;
import io.glasswarden.signins.AcknowledgementRequest;
import io.glasswarden.signins.AcknowledgementService;
import io.glasswarden.signins.ObservedSignInView;
import io.glasswarden.signins.SignInService;
import io.glasswarden.tenants.Tenant;
import io.glasswarden.tenants.TenantService;

/**
 * The console's reads and writes, each through the service (or resource) the REST API uses, so that roles, custodian
 * visibility, validation and ledger entries are exactly the API's.
 */
@ApplicationScoped
public class ConsoleServices {

    private final EvaluationService evaluations;
    private final SignInService signIns;
    private final AcknowledgementService acknowledgements;
    private final DrillService drills;
    private final DrillOverview drillOverview;
    private final LedgerVerifier ledgerVerifier;
    private final LedgerEntries ledgerEntries;
    private final ReadinessResource readiness;
    private final EvidenceResource evidence;
    private final Caller caller;
    private final TenantService tenants;
    private final AccountService accounts;
    private final AttestationService attestations;
    private final Validator validator;
    private final Clock clock;

    ConsoleServices(EvaluationService evaluations, SignInService signIns, AcknowledgementService acknowledgements,
            DrillService drills, DrillOverview drillOverview, LedgerVerifier ledgerVerifier,
            LedgerEntries ledgerEntries, ReadinessResource readiness, EvidenceResource evidence, Caller caller,
            TenantService tenants, AccountService accounts, AttestationService attestations, Validator validator,
            Clock clock) {
        this.evaluations = evaluations;
        this.signIns = signIns;
        this.acknowledgements = acknowledgements;
        this.drills = drills;
        this.drillOverview = drillOverview;
        this.ledgerVerifier = ledgerVerifier;
        this.ledgerEntries = ledgerEntries;
        this.readiness = readiness;
        this.evidence = evidence;
        this.caller = caller;
        this.tenants = tenants;
        this.accounts = accounts;
        this.attestations = attestations;
        this.validator = validator;
        this.clock = clock;
    }

    /** The latest completed evaluation, or null before the first one. */
    EvaluationResults latest(String tenantId) {
        try {
            return evaluations.latest(tenantId);
        } catch (ResourceNotFoundException e) {
            return null;
        }
    }

    void evaluate(String tenantId) {
        evaluations.request(tenantId, caller.name());
    }

    /** An unacknowledged sign-in of one account, for the tenant page's review list. */
    public record OpenSignIn(AccountView account, ObservedSignInView signIn) {
    }

    List<OpenSignIn> openSignIns(String tenantId, List<AccountView> accounts) {
        List<OpenSignIn> open = new ArrayList<>();
        for (AccountView account : accounts) {
            signIns.list(tenantId, account.id().toString(), PageRequest.of("0", "50"))
                    .items()
                    .stream()
                    .filter(s -> s.acknowledgedAs() == null)
                    .forEach(s -> open.add(new OpenSignIn(account, s)));
        }
        return open;
    }

    void acknowledge(String tenantId, String accountId, String signInId, AcknowledgementRequest request) {
        acknowledgements.acknowledge(tenantId, accountId, Acknowledgement.Subject.SIGN_IN, signInId, request);
    }

    /** Drills due in the next 90 days (and overdue ones), soonest first. */
    List<DrillStatusView> drillCalendar(String tenantId) {
        LocalDate horizon = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(90);
        return drillOverview.list(tenantId, null, PageRequest.of("0", String.valueOf(PageRequest.MAX_SIZE)))
                .items()
                .stream()
                .filter(d -> !d.dueDate().isAfter(horizon))
                .sorted(java.util.Comparator.comparing(DrillStatusView::dueDate))
                .toList();
    }

    List<DrillView> drills(String tenantId, String accountId) {
        return drills.list(tenantId, accountId, PageRequest.of("0", "50")).items();
    }

    void recordDrill(String tenantId, String accountId, DrillRequest request) {
        drills.record(tenantId, accountId, request);
    }

    List<AttestationView> attestations(String tenantId, String accountId) {
        return attestations.list(tenantId, accountId, PageRequest.of("0", "50")).items();
    }

    /** Validated as the API validates its JSON body, then recorded by the API's service (role and custodian checks). */
    void recordAttestation(String tenantId, String accountId, AttestationRequest request) {
        var violations = validator.validate(request);
        if (!violations.isEmpty()) {
            var first = violations.iterator().next();
            throw new InvalidInputException(first.getPropertyPath().toString(), first.getMessage());
        }
        attestations.record(tenantId, accountId, request);
    }

    Response readinessCsv(String tenantId) {
        return readiness.latestCsv(tenantId);
    }

    Response evidence(String tenantId) {
        return evidence.get(tenantId);
    }

    LedgerVerification verifyLedger() {
        return ledgerVerifier.verify();
    }

    @Transactional
    List<LedgerEntryView> latestLedgerEntries() {
        return ledgerEntries.page(null, PageRequest.of("0", "50")).items().stream().map(LedgerEntryView::of).toList();
    }

    /**
     * The accounts a custodian looks after, across tenants: every active tenant's accounts as {@link AccountService}
     * lists them for the caller, which keeps only the custodian's own (the API's rule, not a second one).
     */
    @Transactional
    List<CustodianAccount> custodianAccounts() {
        List<CustodianAccount> mine = new ArrayList<>();
        for (Tenant tenant : tenants.list(LifecycleState.ACTIVE, PageRequest.of("0", max())).items()) {
            for (EmergencyAccount a : accounts.list(tenant.tenantId(), null, LifecycleState.ACTIVE,
                    PageRequest.of("0", max())).items()) {
                AccountView view = AccountView.of(a);
                mine.add(new CustodianAccount(tenant.tenantId(), tenant.displayName(), view.id().toString(),
                        view.displayName() == null ? view.userPrincipalName() : view.displayName(),
                        view.userPrincipalName(), view.readiness() == null
                                ? "UNEVALUATED"
                                : String.valueOf(view.readiness().get("status"))));
            }
        }
        return mine;
    }

    private static String max() {
        return String.valueOf(PageRequest.MAX_SIZE);
    }

    /** One of a custodian's accounts on their home page. */
    public record CustodianAccount(String tenantId, String tenantName, String accountId, String name, String upn,
            String status) {
    }

    /** A point of the readiness-history chart (x, y in the SVG's user units). */
    public record ChartPoint(int x, int y, String status, String label) {
    }

    /** The account's last evaluations as chart points, oldest left; empty before the first evaluation. */
    List<ChartPoint> historyChart(String tenantId, String accountId) {
        List<ReadinessHistoryEntry> entries = new ArrayList<>(
                evaluations.history(tenantId, accountId, PageRequest.of("0", "30")).items());
        java.util.Collections.reverse(entries);
        List<ChartPoint> points = new ArrayList<>();
        int step = entries.size() <= 1 ? 0 : 560 / (entries.size() - 1);
        for (int i = 0; i < entries.size(); i++) {
            ReadinessHistoryEntry e = entries.get(i);
            points.add(new ChartPoint(40 + i * step, levelOf(e.status()), e.status(),
                    e.evaluatedAt() + ": " + e.status()));
        }
        return points;
    }

    private static int levelOf(String status) {
        return switch (status) {
            case "READY" -> 20;
            case "AT_RISK" -> 60;
            case "UNKNOWN" -> 100;
            default -> 140;
        };
    }

    /** A finding of the account's readiness, failed and unknown first. */
    public record FindingLine(String ruleId, String title, String severity, String result, String message,
            String remediation, String reference) {
    }

    @SuppressWarnings("unchecked")
    static List<FindingLine> findings(Map<String, Object> readiness) {
        if (readiness == null) {
            return List.of();
        }
        List<Map<String, Object>> findings = (List<Map<String, Object>>) readiness.getOrDefault("findings",
                List.of());
        return findings.stream()
                .map(f -> new FindingLine(text(f.get("ruleId")), text(f.get("title")), text(f.get("severity")),
                        text(f.get("result")), text(f.get("message")), text(f.get("remediation")),
                        safeReference(f.get("reference"))))
                .sorted(java.util.Comparator.comparingInt(ConsoleServices::order))
                .toList();
    }

    /**
     * A credential the evaluation saw, with the key model the AAGUID catalogue names, and the inventory's physical key
     * whose label is the credential's name in Entra ID (how admins are told to name keys), if any.
     */
    public record CredentialLine(String kind, String name, String model, String aaguid, String usable, String whyNot,
            PhysicalKey inventoryKey) {
    }

    /** The credentials in BG-010's evidence (it lists every credential, usable or not). */
    @SuppressWarnings("unchecked")
    static List<CredentialLine> credentials(Map<String, Object> readiness, List<PhysicalKey> keys) {
        List<CredentialLine> lines = new ArrayList<>();
        if (readiness == null) {
            return lines;
        }
        for (Map<String, Object> f : (List<Map<String, Object>>) readiness.getOrDefault("findings", List.of())) {
            if (f.get("evidence") instanceof Map<?, ?> evidence
                    && evidence.get("credentials") instanceof List<?> list) {
                for (Object item : list) {
                    if (item instanceof Map<?, ?> c) {
                        String name = text(c.get("name"));
                        lines.add(new CredentialLine(text(c.get("kind")), name, text(c.get("model")),
                                text(c.get("aaGuid")), text(c.get("usable")), text(c.get("whyNot")),
                                keys.stream().filter(k -> k.label().equalsIgnoreCase(name)).findFirst().orElse(null)));
                    }
                }
                return lines;
            }
        }
        return lines;
    }

    private static int order(FindingLine f) {
        return switch (f.result()) {
            case "FAIL" -> 0;
            case "UNKNOWN" -> 1;
            case "PASS" -> 2;
            default -> 3;
        };
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    /** Only https links to Microsoft's documentation become links; anything else is shown as text. */
    private static String safeReference(Object value) {
        String url = text(value);
        return url.startsWith("https://learn.microsoft.com/") ? url : "";
    }

    static <E extends Enum<E>> E parse(Class<E> type, String value, String field) {
        try {
            return Enum.valueOf(type, value == null ? "" : value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "is not one of the offered choices");
        }
    }

    /** One non-blank line per item of a textarea (e.g. the labels of the keys sighted). */
    static List<String> lines(String value) {
        return value == null ? List.of() : value.lines().map(String::trim).filter(l -> !l.isEmpty()).toList();
    }

    static Instant instant(String value) {
        try {
            // <input type="datetime-local"> sends 2026-12-03T10:15 without a zone: the console works in UTC.
            return value.length() <= 19 && !value.endsWith("Z")
                    ? java.time.LocalDateTime.parse(value).toInstant(ZoneOffset.UTC)
                    : Instant.parse(value);
        } catch (DateTimeParseException | NullPointerException e) {
            throw new InvalidInputException("performedAt", "must be a date and time (UTC)");
        }
    }
}
