package io.glasswarden.readiness;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.glasswarden.directory.Fact;
import io.glasswarden.directory.SignIn;

/**
 * The drills Glasswarden recorded for an account, as the rules need them. Implemented by the drills feature (which
 * depends on readiness, never the other way round).
 */
public interface DrillRecords {

    /**
     * The account's drills, newest first, after settling every PENDING drill that the given sign-ins (read during this
     * evaluation from {@code signInsSince}) can settle at {@code now} (api.md "Drills": VERIFIED, REFUTED,
     * UNVERIFIABLE).
     */
    List<InventoryFacts.Drill> settleAndList(UUID accountId, Fact<List<SignIn>> signIns, Instant signInsSince,
            Instant now);
}
