package io.glasswarden.readiness.evaluation;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.glasswarden.directory.AuthenticationMethod;
import io.glasswarden.notifications.Notifier;
import io.glasswarden.notifications.OutgoingEmail;
import io.glasswarden.notifications.OutgoingEvent;
import io.glasswarden.readiness.InventoryFacts;

/**
 * Alerts once per method when BG-062 finds a method that appeared since the previous completed evaluation and nobody
 * reviewed: a webhook event and an e-mail to the tenant's escalation contacts, in the evaluation's transaction.
 */
@ApplicationScoped
class MethodAlerts {

    static final String EVENT_TYPE = "io.glasswarden.method.registered";
    static final String TEMPLATE = "method-registered";

    private final Notifier notifier;
    private final EvaluationRepository evaluations;

    MethodAlerts(Notifier notifier, EvaluationRepository evaluations) {
        this.notifier = notifier;
        this.evaluations = evaluations;
    }

    void alertNewMethods(EvaluationPlan plan, EvaluationPlan.Account account, List<AuthenticationMethod> methods,
            InventoryFacts inventory, String publicUrl, Instant now) {
        Set<String> previous = inventory.previousMethodIds();
        if (previous == null) {
            return;
        }
        for (AuthenticationMethod method : methods) {
            if (previous.contains(method.id()) || inventory.acknowledgedMethodIds().contains(method.id())
                    || evaluations.alreadyAlerted(account.id(), method.id())) {
                continue;
            }
            evaluations.recordAlert(account.id(), method.id(), now);
            send(plan, account, method, publicUrl);
        }
    }

    private void send(EvaluationPlan plan, EvaluationPlan.Account account, AuthenticationMethod method,
            String publicUrl) {
        String tenantId = plan.tenant().tenantId();
        String upn = account.ref().userPrincipalName() != null
                ? account.ref().userPrincipalName()
                : account.ref().objectId();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("tenantId", tenantId);
        data.put("accountId", account.id().toString());
        data.put("userPrincipalName", upn);
        data.put("methodId", method.id());
        data.put("methodKind", method.kind().wireName());
        data.put("methodName", method.displayName());
        data.put("createdDateTime", method.createdDateTime() == null ? null : method.createdDateTime().toString());
        data.put("acknowledgeUrl", publicUrl + "/api/v1/tenants/" + tenantId + "/accounts/" + account.id()
                + "/methods/" + method.id() + "/acknowledge");
        notifier.publish(new OutgoingEvent(EVENT_TYPE, tenantId, account.id().toString(), data));
        for (String contact : plan.settings().escalationContacts()) {
            // The keys of the notifications feature's method-registered template (docs/notifications.md).
            Map<String, Object> mail = new LinkedHashMap<>();
            mail.put("recipientName", contact);
            mail.put("tenantName", plan.tenantName());
            mail.put("accountName", upn);
            mail.put("methodType", method.kind().wireName());
            mail.put("registeredAt", method.createdDateTime() == null
                    ? "an unknown time"
                    : method.createdDateTime().toString());
            mail.put("methodName", method.displayName());
            mail.put("actionUrl", data.get("acknowledgeUrl"));
            mail.put("tenantId", tenantId);
            notifier.email(new OutgoingEmail(contact, "New sign-in method on emergency account " + upn,
                    TEMPLATE, mail, "method-registered:" + account.id() + ":" + method.id() + ":" + contact));
        }
    }
}
