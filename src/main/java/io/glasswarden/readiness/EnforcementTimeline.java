package io.glasswarden.readiness;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.glasswarden.tenants.MfaEnforcement;

/**
 * Microsoft's mandatory MFA phases per cloud, bundled as data with their sources
 * ({@code src/main/resources/enforcement/mfa-enforcement.json}, from Microsoft Learn "Planning for mandatory Microsoft
 * Entra multifactor authentication"), resolved for one tenant with its own dates ({@code settings.mfaEnforcement}).
 * Postponing phase 1 also postpones phase 2 to at least the same date (Microsoft's planning page), so a tenant that
 * sets only a later phase 1 date gets phase 2 no earlier than that.
 */
public final class EnforcementTimeline {

    static final String RESOURCE = "/enforcement/mfa-enforcement.json";

    private static volatile EnforcementTimeline bundled;

    private final JsonNode document;

    EnforcementTimeline(JsonNode document) {
        this.document = document;
    }

    public static EnforcementTimeline bundled() {
        EnforcementTimeline timeline = bundled;
        if (timeline == null) {
            try (InputStream in = EnforcementTimeline.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("missing bundled resource " + RESOURCE);
                }
                timeline = new EnforcementTimeline(new ObjectMapper().readTree(in));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            bundled = timeline;
        }
        return timeline;
    }

    /** The sources of the bundled dates and application ids (name → URL). */
    public Map<String, String> sources() {
        Map<String, String> sources = new LinkedHashMap<>();
        document.path("sources").properties().forEach(e -> sources.put(e.getKey(), e.getValue().asText()));
        return sources;
    }

    /** The phases for a tenant of {@code cloud} ({@code global} when null) with its own dates (may be null). */
    public List<EnforcementPhase> phases(String cloud, MfaEnforcement own) {
        String key = cloud == null || cloud.isBlank() ? "global" : cloud.toLowerCase(Locale.ROOT);
        MfaEnforcement dates = own == null ? MfaEnforcement.published() : own;
        List<EnforcementPhase> phases = new ArrayList<>();
        LocalDate previousStart = null;
        for (JsonNode p : document.path("phases")) {
            String id = p.path("phase").asText();
            JsonNode published = p.path("clouds").path(key);
            LocalDate publishedStart = date(published, "startsOn");
            LocalDate postponable = date(published, "postponableUntil");
            LocalDate tenantDate = dates.dateOf(id);
            LocalDate start = tenantDate != null ? tenantDate : publishedStart;
            String source = tenantDate != null ? "tenant" : publishedStart != null ? "published" : null;
            if (tenantDate == null && start != null && previousStart != null && start.isBefore(previousStart)) {
                // a postponed earlier phase postpones this one to the same date
                start = previousStart;
                source = "tenant";
            }
            List<EnforcementPhase.Application> apps = new ArrayList<>();
            for (JsonNode a : p.path("applications")) {
                apps.add(new EnforcementPhase.Application(a.path("name").asText(),
                        a.path("appId").isTextual() ? a.path("appId").asText() : null));
            }
            phases.add(new EnforcementPhase(id, p.path("name").asText(), p.path("operations").asText(), apps, start,
                    publishedStart, postponable, source));
            if (start != null) {
                previousStart = start;
            }
        }
        return List.copyOf(phases);
    }

    private static LocalDate date(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || !value.isTextual() ? null : LocalDate.parse(value.asText());
    }
}
