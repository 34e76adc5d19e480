package io.glasswarden.readiness.evaluation;

import java.util.List;
import java.util.Map;

import io.glasswarden.directory.AccountFacts;
import io.glasswarden.readiness.AccountReadiness;
import io.glasswarden.readiness.InventoryFacts;

/** One account's result in a run, with what the recorder stores and alerts on. */
record AccountOutcome(EvaluationPlan.Account account, AccountFacts facts, InventoryFacts inventory,
        AccountReadiness readiness, Map<String, Object> document) {

    /** Method ids read now, or null when the methods were unreadable (BG-062 then compares with an older run). */
    List<String> methodIds() {
        return facts.methods().isKnown()
                ? facts.methods().value().stream().map(m -> m.id()).sorted().toList()
                : null;
    }
}
