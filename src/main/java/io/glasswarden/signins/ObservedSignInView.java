package io.glasswarden.signins;

import java.time.Instant;

/** An observed sign-in as the API shows it, with its acknowledgement's classification when reviewed. */
public record ObservedSignInView(
        String signInId,
        Instant createdDateTime,
        boolean succeeded,
        int errorCode,
        String failureReason,
        Boolean interactive,
        String appDisplayName,
        String ipAddress,
        Instant observedAt,
        Acknowledgement.Classification acknowledgedAs) {

    static ObservedSignInView of(ObservedSignIn s, Acknowledgement.Classification acknowledgedAs) {
        return new ObservedSignInView(s.signInId(), s.createdAt(), s.succeeded(), s.errorCode(), s.failureReason(), s
                .interactive(), s.appDisplayName(), s.ipAddress(), s.observedAt(), acknowledgedAs);
    }
}
