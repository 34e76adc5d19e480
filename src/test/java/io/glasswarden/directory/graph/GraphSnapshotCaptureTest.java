package io.glasswarden.directory.graph;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.glasswarden.directory.CandidateUser;
import io.glasswarden.directory.DirectoryReading;
import io.glasswarden.directory.DirectoryResult;
import io.glasswarden.directory.snapshot.SnapshotCapture;
import io.glasswarden.directory.snapshot.SnapshotDirectory;
import io.glasswarden.directory.snapshot.SnapshotDocument;
import io.glasswarden.directory.snapshot.SnapshotFormat;

/**
 * A snapshot captured from (fake) Graph, written, validated as an upload and read back, gives the offline audit the
 * very facts the live read gave: what a connected instance exports, an offline instance audits identically.
 */
class GraphSnapshotCaptureTest extends FakeGraphTest {

    @Test
    void capturedSnapshotReadsBackAsTheSameFacts() {
        Instant since = Instant.parse("2026-01-01T00:00:00Z");
        DirectoryReading live = directory().read(TENANT, ONE, since);
        DirectoryResult<List<CandidateUser>> admins = directory().readGlobalAdministrators(TENANT);

        SnapshotDocument captured = SnapshotCapture.capture(TENANT.tenantId(), time.instant(), live, admins.fact());
        SnapshotDocument uploaded = SnapshotFormat.parse(SnapshotFormat.write(captured), TENANT.tenantId());
        DirectoryReading offline = SnapshotDirectory.read(uploaded, ONE, since);

        assertThat(live.requests()).isPositive();
        assertThat(offline.requests()).isZero();
        assertThat(offline.accounts()).isEqualTo(live.accounts());
        assertThat(offline.tenant().fido2Policy()).isEqualTo(live.tenant().fido2Policy());
        assertThat(offline.tenant().conditionalAccessPolicies()).isEqualTo(live.tenant().conditionalAccessPolicies());
        assertThat(offline.tenant().x509Policy()).isEqualTo(live.tenant().x509Policy());
        assertThat(offline.tenant().authenticationStrengths()).isEqualTo(live.tenant().authenticationStrengths());
        assertThat(offline.tenant().signIns()).isEqualTo(live.tenant().signIns());
        assertThat(uploaded.globalAdministrators().toFact()).isEqualTo(
                admins.fact().map(list -> list.stream().map(c -> c.user().id()).toList()));
    }
}
