package io.glasswarden.lifecycle;

import java.util.List;

import jakarta.persistence.EntityManager;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** The ledger entry types recorded about a subject, oldest first (straight from the table). */
public final class LedgerTypes {

    private LedgerTypes() {
    }

    @SuppressWarnings("unchecked")
    public static List<String> of(String subjectId) {
        EntityManager em = Arc.container().instance(EntityManager.class).get();
        return QuarkusTransaction.requiringNew()
                .call(() -> (List<String>) em.createNativeQuery(
                        "select type from ledger_entries where subject_id = ?1 order by sequence")
                        .setParameter(1, subjectId)
                        .getResultList());
    }
}
