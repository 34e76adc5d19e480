package io.glasswarden.readiness;

import static io.glasswarden.readiness.FactsBuilder.NOW;
import static io.glasswarden.readiness.FactsBuilder.NO_LICENCE;
import static io.glasswarden.readiness.FactsBuilder.THROTTLED;
import static io.glasswarden.readiness.FactsBuilder.UPN;
import static io.glasswarden.readiness.FactsBuilder.USER_ID;
import static io.glasswarden.readiness.FactsBuilder.days;
import static io.glasswarden.readiness.FactsBuilder.drill;
import static io.glasswarden.readiness.FactsBuilder.signIn;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.glasswarden.directory.Fact;
import io.glasswarden.directory.SignIn;
import io.glasswarden.readiness.InventoryFacts.Drill;
import io.glasswarden.readiness.InventoryFacts.DrillVerification;

class DrillSignInMatcherTest {
    private static final Instant AT = NOW.minus(Duration.ofHours(5));
    private static final Drill PENDING = drill("d", AT, DrillVerification.PENDING);

    private static DrillSignInMatcher.Settlement settle(Drill drill, Fact<List<SignIn>> signIns, Instant since) {
        return DrillSignInMatcher.settle(drill, USER_ID, signIns, since, NOW);
    }

    @Test
    void interactiveSuccessWithinTwoHoursVerifies() {
        var settlement = settle(PENDING, Fact.known(List.of(signIn("s", AT.minus(Duration.ofMinutes(110))))),
                NOW.minus(days(30)));

        assertThat(settlement.verification()).isEqualTo(DrillVerification.VERIFIED);
        assertThat(settlement.signInId()).isEqualTo("s");
    }

    @Test
    void nonInteractiveOrFailedSignInsDoNotVerify() {
        SignIn nonInteractive = new SignIn("n", USER_ID, UPN, AT, 0, null, false, "App", null);
        SignIn failed = new SignIn("f", USER_ID, UPN, AT, 50126, "bad", true, "App", null);

        assertThat(settle(PENDING, Fact.known(List.of(nonInteractive, failed)), NOW.minus(days(30)))
                .verification()).isEqualTo(DrillVerification.REFUTED);
    }

    @Test
    void staysPendingWhileTheLogLatencyWindowIsOpen() {
        Drill recent = drill("d", NOW.minus(Duration.ofMinutes(59)), DrillVerification.PENDING);
        assertThat(settle(recent, Fact.known(List.of()), NOW.minus(days(30))).verification())
                .isEqualTo(DrillVerification.PENDING);
    }

    @Test
    void logsThatDoNotReachBackMakeItUnverifiable() {
        assertThat(settle(PENDING, Fact.known(List.of()), AT).verification())
                .isEqualTo(DrillVerification.UNVERIFIABLE);
    }

    @Test
    void unlicensedLogsMakeItUnverifiableAndTransientErrorsKeepItPending() {
        assertThat(settle(PENDING, Fact.unknown(NO_LICENCE), null).verification())
                .isEqualTo(DrillVerification.UNVERIFIABLE);
        assertThat(settle(PENDING, Fact.unknown(THROTTLED), null).verification())
                .isEqualTo(DrillVerification.PENDING);
    }

    @Test
    void settledDrillsKeepTheirVerification() {
        assertThat(settle(drill("d", AT, DrillVerification.REFUTED), Fact.known(List.of(signIn("s", AT))), null)
                .verification()).isEqualTo(DrillVerification.REFUTED);
    }
}
