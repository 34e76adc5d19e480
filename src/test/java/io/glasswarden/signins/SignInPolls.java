package io.glasswarden.signins;

import java.time.Instant;
import java.util.UUID;

import io.glasswarden.directory.SignIn;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Lets tests outside this package put a sign-in where the watch would have: the demo is a snapshot tenant, whose
 * recorded sign-ins the watch (which reads live logs through Graph) leaves alone.
 */
public final class SignInPolls {

    private SignInPolls() {
    }

    /** Stores {@code signIn} as observed for the account, unacknowledged, as the watch stores a new sign-in. */
    public static void observe(UUID accountId, SignIn signIn) {
        QuarkusTransaction.requiringNew().run(() -> new ObservedSignIn(accountId, signIn, Instant.now()).persist());
    }
}
