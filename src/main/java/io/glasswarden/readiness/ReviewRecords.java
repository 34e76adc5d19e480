package io.glasswarden.readiness;

import java.util.List;
import java.util.UUID;

/** The post-use reviews opened for an account (BG-043), oldest first. Implemented by the reviews feature. */
public interface ReviewRecords {

    List<InventoryFacts.Review> reviews(UUID accountId);
}
