package io.glasswarden.console;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;

import io.glasswarden.accounts.PhysicalKey;
import io.glasswarden.attestations.AttestationRequest;
import io.glasswarden.attestations.AttestationService;
import io.glasswarden.attestations.AttestationView;
import io.glasswarden.core.InvalidInputException;
import io.glasswarden.core.PageRequest;
import io.glasswarden.core.StoredJson;
import io.glasswarden.drills.DrillRequest;
import io.glasswarden.drills.DrillService;
import io.glasswarden.drills.DrillView;
import io.glasswarden.readiness.evaluation.EvaluationService;
import io.glasswarden.readiness.evaluation.ReadinessHistoryEntry;

/**
 * What the account page reads and records, through the services the REST API uses (the same role and custodian
 * checks), plus the account's readiness as the page shows it: findings, credentials and the history chart.
 */
@ApplicationScoped
public class AccountPageData {

    private final EvaluationService evaluations;
    private final DrillService drills;
    private final AttestationService attestations;
    private final Validator validator;

    AccountPageData(EvaluationService evaluations, DrillService drills, AttestationService attestations,
            Validator validator) {
        this.evaluations = evaluations;
        this.drills = drills;
        this.attestations = attestations;
        this.validator = validator;
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

    /** A point of the readiness-history chart (x, y in the SVG's user units). */
    public record ChartPoint(int x, int y, String status, String label) {
    }

    /** The account's last evaluations as chart points, oldest left; empty before the first evaluation. */
    List<ChartPoint> historyChart(String tenantId, String accountId) {
        List<ReadinessHistoryEntry> entries = new ArrayList<>(
                evaluations.history(tenantId, accountId, PageRequest.of("0", "30")).items());
        Collections.reverse(entries);
        List<ChartPoint> points = new ArrayList<>();
        // Plot area x 100..620; a single evaluation sits in the middle.
        int step = entries.size() <= 1 ? 0 : 520 / (entries.size() - 1);
        int first = entries.size() <= 1 ? 360 : 100;
        for (int i = 0; i < entries.size(); i++) {
            ReadinessHistoryEntry e = entries.get(i);
            points.add(new ChartPoint(first + i * step, levelOf(e.status()), e.status(),
                    ConsoleTime.utc(e.evaluatedAt())));
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
    static List<FindingLine> findings(StoredJson readiness) {
        if (readiness == null) {
            return List.of();
        }
        List<Map<String, Object>> findings = (List<Map<String, Object>>) readiness.asMap()
                .getOrDefault("findings",
                        List.of());
        return findings.stream()
                .map(f -> new FindingLine(text(f.get("ruleId")), text(f.get("title")), text(f.get("severity")),
                        text(f.get("result")), text(f.get("message")), text(f.get("remediation")),
                        safeReference(f.get("reference"))))
                .sorted(Comparator.comparingInt(AccountPageData::order))
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
    static List<CredentialLine> credentials(StoredJson readiness, List<PhysicalKey> keys) {
        List<CredentialLine> lines = new ArrayList<>();
        if (readiness == null) {
            return lines;
        }
        for (Map<String, Object> f : (List<Map<String, Object>>) readiness.asMap()
                .getOrDefault("findings",
                        List.of())) {
            if (f.get("evidence") instanceof Map<?, ?> evidence
                    && evidence.get("credentials") instanceof List<?> list) {
                for (Object item : list) {
                    if (item instanceof Map<?, ?> c) {
                        String name = text(c.get("name"));
                        lines.add(new CredentialLine(text(c.get("kind")), name, text(c.get("model")),
                                text(c.get("aaGuid")), text(c.get("usable")), text(c.get("whyNot")),
                                inventoryKey(name, keys)));
                    }
                }
                return lines;
            }
        }
        return lines;
    }

    /** The inventory key whose label is the credential's name, or begins it ("BG-01 key A (YubiKey)"). */
    private static PhysicalKey inventoryKey(String credentialName, List<PhysicalKey> keys) {
        String name = credentialName.toLowerCase(Locale.ROOT);
        return keys.stream().filter(k -> {
            String label = k.label().toLowerCase(Locale.ROOT);
            return name.equals(label) || name.startsWith(label + " ");
        }).findFirst().orElse(null);
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
}
