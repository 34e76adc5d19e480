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
        var settlement = settle(PENDING, Fact.known(List.of()), AT);

        assertThat(settlement.verification()).isEqualTo(DrillVerification.UNVERIFIABLE);
        assertThat(settlement.reason()).isEqualTo("logs-expired");
    }

    @Test
    void aDrillOlderThanTheLogRetentionIsUnverifiableEvenWhenMoreWasAskedFor() {
        Drill onboarding = drill("d", NOW.minus(days(40)), DrillVerification.PENDING);

        var settlement = settle(onboarding, Fact.known(List.of()), NOW.minus(days(90)));

        assertThat(settlement.verification()).isEqualTo(DrillVerification.UNVERIFIABLE);
        assertThat(settlement.reason()).isEqualTo(DrillSignInMatcher.LOGS_EXPIRED);
    }

    @Test
    void aDrillWithinTheLogRetentionIsRefutedByLogsWithoutItsSignIn() {
        Drill lastWeek = drill("d", NOW.minus(days(7)), DrillVerification.PENDING);

        var settlement = settle(lastWeek, Fact.known(List.of()), NOW.minus(days(90)));

        assertThat(settlement.verification()).isEqualTo(DrillVerification.REFUTED);
        assertThat(settlement.reason()).isNull();
    }

    @Test
    void theLookBackIsClampedToTheLogRetention() {
        assertThat(SignIn.clampToRetention(NOW.minus(days(90)), NOW)).isEqualTo(NOW.minus(days(30))
                .plus(
                        Duration.ofHours(1)));
        assertThat(SignIn.clampToRetention(NOW.minus(days(3)), NOW)).isEqualTo(NOW.minus(days(3)));
        assertThat(SignIn.clampToRetention(null, NOW)).isEqualTo(SignIn.oldestReadable(NOW));
    }

    @Test
    void unlicensedLogsMakeItUnverifiableAndTransientErrorsKeepItPending() {
        assertThat(settle(PENDING, Fact.unknown(NO_LICENCE), null)).satisfies(s -> {
            assertThat(s.verification()).isEqualTo(DrillVerification.UNVERIFIABLE);
            assertThat(s.reason()).isEqualTo("license-required");
        });
        assertThat(settle(PENDING, Fact.unknown(THROTTLED), null).verification())
                .isEqualTo(DrillVerification.PENDING);
    }

    @Test
    void settledDrillsKeepTheirVerification() {
        assertThat(settle(drill("d", AT, DrillVerification.REFUTED), Fact.known(List.of(signIn("s", AT))), null)
                .verification()).isEqualTo(DrillVerification.REFUTED);
    }
}
