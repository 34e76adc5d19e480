package io.glasswarden.readiness.evaluation;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.glasswarden.directory.AccountFacts;
import io.glasswarden.directory.DirectoryUser;
import io.glasswarden.readiness.AccountReadiness;

/** The readiness object of api.md as a JSON tree, the shape stored per account and returned everywhere. */
final class ReadinessDocument {

    private ReadinessDocument() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> of(EvaluationPlan.Account account, AccountFacts facts, AccountReadiness readiness,
            Instant evaluatedAt, ObjectMapper json) {
        Optional<DirectoryUser> user = facts.user().asOptional().flatMap(o -> o);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("accountId", account.id().toString());
        doc.put("userPrincipalName", Optional.ofNullable(account.ref().userPrincipalName())
                .orElse(user.map(DirectoryUser::userPrincipalName).orElse(null)));
        doc.put("objectId", Optional.ofNullable(account.ref().objectId())
                .orElse(user.map(DirectoryUser::id).orElse(null)));
        doc.put("status", readiness.status().name());
        doc.put("mandatoryMfaReady", readiness.mandatoryMfaReady());
        doc.put("evaluatedAt", evaluatedAt.toString());
        doc.put("usableCredentials", readiness.usableCredentials());
        doc.put("findings", readiness.findings()
                .stream()
                .map(f -> (Map<String, Object>) json.convertValue(f,
                        Map.class))
                .toList());
        return doc;
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> list(List<?> values, ObjectMapper json) {
        return values.stream().map(v -> (Map<String, Object>) json.convertValue(v, Map.class)).toList();
    }
}
