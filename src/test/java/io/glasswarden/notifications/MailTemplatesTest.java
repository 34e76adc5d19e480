package io.glasswarden.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** Every template renders both parts with the keys docs/notifications.md lists, and HTML escapes its data. */
@QuarkusTest
@TestProfile(DeliveryProfile.class)
class MailTemplatesTest {

    /** The keys of all templates (docs/notifications.md); each template uses a subset. */
    static final Map<String, Object> DOCUMENTED_KEYS = Map.ofEntries(
            Map.entry("recipientName", "Ada <Lovelace>"),
            Map.entry("tenantName", "Contoso"),
            Map.entry("accountName", "bg01@contoso.onmicrosoft.com"),
            Map.entry("dueDate", "2026-05-02"),
            Map.entry("daysOverdue", 3),
            Map.entry("custodians", "Ada, Grace"),
            Map.entry("kind", "CUSTODY"),
            Map.entry("attestationUrl", "https://glasswarden.test/attest/abc"),
            Map.entry("expiresAt", "2026-05-09T08:00:00Z"),
            Map.entry("signInTime", "2026-05-02T08:01:17Z"),
            Map.entry("ipAddress", "203.0.113.7"),
            Map.entry("location", "Zürich, CH"),
            Map.entry("application", "Azure Portal"),
            Map.entry("methodType", "FIDO2 security key"),
            Map.entry("registeredAt", "2026-05-02T08:01:17Z"),
            Map.entry("phases", java.util.List.of(Map.of("name", "Phase 2", "startsOn", "2026-05-12", "daysLeft", 10,
                    "applications", "Azure CLI"))),
            Map.entry("finding", "Only 1 emergency account can satisfy mandatory MFA."),
            Map.entry("minReadyAccounts", 2),
            Map.entry("classification", "EMERGENCY"),
            Map.entry("openSteps", "SUCCEEDED_DRILL"));

    @Inject
    MailRenderer renderer;

    @ParameterizedTest
    @ValueSource(strings = {"drill-reminder", "drill-due", "drill-overdue", "drill-overdue-escalation",
            "attestation-request",
            "sign-in-alert", "method-registered", "enforcement-at-risk", "review-reminder"})
    void templateRendersBothPartsWithItsDocumentedKeys(String template) {
        RenderedEmail email = renderer.render(new OutgoingEmail("ada@contoso.com", "Subject", template,
                DOCUMENTED_KEYS, null));

        assertThat(email.html()).startsWith("<!DOCTYPE html>")
                .contains("Contoso")
                .contains("Ada &lt;Lovelace&gt;")
                .contains("https://glasswarden.test")
                .doesNotContain("{");
        assertThat(email.text()).contains("Contoso").contains("Ada <Lovelace>").doesNotContain("<p>");
    }

    @ParameterizedTest
    @ValueSource(strings = {"no-such-template", "../base", "base.html", "base"})
    void unknownTemplateFailsTheCaller(String template) {
        assertThatThrownBy(() -> renderer.render(new OutgoingEmail("ada@contoso.com", "Subject", template,
                Map.of(), null))).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"drill-due", "attestation-request"})
    void missingRequiredKeyFailsTheCaller(String template) {
        Map<String, Object> data = new HashMap<>(DOCUMENTED_KEYS);
        data.remove("accountName");
        assertThatThrownBy(() -> renderer.render(new OutgoingEmail("ada@contoso.com", "Subject", template, data,
                null))).isInstanceOf(RuntimeException.class);
    }
}
