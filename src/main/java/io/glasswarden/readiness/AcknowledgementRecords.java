package io.glasswarden.readiness;

import java.util.Set;
import java.util.UUID;

/** Sign-ins (BG-042) and new methods (BG-062) that a person reviewed and classified. Implemented by the sign-in watch. */
public interface AcknowledgementRecords {

    Set<String> acknowledgedSignInIds(UUID accountId);

    Set<String> acknowledgedMethodIds(UUID accountId);
}
