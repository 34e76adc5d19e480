package io.glasswarden.directory.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.glasswarden.core.FieldError;
import io.glasswarden.core.InvalidInputException;
import io.glasswarden.directory.AccountFacts;
import io.glasswarden.directory.AccountRef;
import io.glasswarden.directory.DirectoryReading;
import io.glasswarden.directory.MethodKind;
import io.glasswarden.directory.UnknownReason;

class SnapshotFormatTest {

    static final String TENANT = "00000000-0000-4000-8000-00000000de30";
    static final String BG01 = "d3000000-0000-4000-8000-000000000001";

    static String demo() {
        try (InputStream in = SnapshotFormatTest.class.getClassLoader()
                .getResourceAsStream("demo/contoso-snapshot.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("\\$\\{now(-\\d+d)?}",
                    "2026-11-01T10:00:00Z");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<FieldError> errorsOf(String json) {
        return catchThrowableOfType(InvalidInputException.class, () -> SnapshotFormat.parse(json, TENANT)).errors();
    }

    @Test
    void demoSnapshotIsValidAndSurvivesARoundTrip() {
        SnapshotDocument parsed = SnapshotFormat.parse(demo(), TENANT);

        SnapshotDocument again = SnapshotFormat.parse(SnapshotFormat.write(parsed), TENANT);

        assertThat(again).isEqualTo(parsed);
        assertThat(SnapshotFormat.fromMap(SnapshotFormat.toMap(parsed))).isEqualTo(parsed);
        assertThat(parsed.users()).hasSize(6);
        assertThat(parsed.users().get(0).methods().value()).extracting(m -> m.kind())
                .containsExactly(MethodKind.PASSWORD, MethodKind.FIDO2, MethodKind.FIDO2);
    }

    @Test
    void documentedExampleIsAValidSnapshot() throws IOException {
        String doc = java.nio.file.Files.readString(java.nio.file.Path.of("docs/snapshot-format.md"));
        String example = doc.substring(doc.lastIndexOf("```json") + 7, doc.lastIndexOf("```"));

        SnapshotDocument parsed = SnapshotFormat.parse(example, TENANT);

        assertThat(parsed.users()).hasSize(1);
        assertThat(parsed.tenant().signIns().toFact().isKnown()).isFalse();
    }

    @Test
    void wrongFormatAndVersionAreNamed() {
        String json = demo().replace("\"glasswarden-directory-snapshot\"", "\"something-else\"")
                .replace("\"version\": 1", "\"version\": 2");

        assertThat(errorsOf(json)).extracting(FieldError::field).containsExactly("format", "version");
        assertThat(errorsOf(json).get(1).message()).contains("unsupported version 2");
    }

    @Test
    void missingFactsAreNamedWithTheirPath() {
        String json = demo().replaceFirst("\"securityDefaultsEnabled\": \\{\\s*\"value\": false\\s*},", "");

        assertThat(errorsOf(json)).extracting(FieldError::field).containsExactly("tenant.securityDefaultsEnabled");
    }

    @Test
    void missingTenantSectionIsNamed() {
        String json = "{\"format\":\"glasswarden-directory-snapshot\",\"version\":1,\"capturedAt\":"
                + "\"2026-11-01T10:00:00Z\",\"tenantId\":\"" + TENANT + "\",\"users\":[]}";

        assertThat(errorsOf(json)).extracting(FieldError::field).containsExactly("tenant");
    }

    // Issue 9 finding 2: a snapshot's user principal names obey the inventory's rule.
    @Test
    void userPrincipalNamesAreValidatedLikeTheInventorysOnes() {
        String demo = demo();
        int users = demo.indexOf("\"users\"");
        String json = demo.substring(0, users) + demo.substring(users)
                .replaceFirst(
                        "\"userPrincipalName\": \"[^\"]+\"", "\"userPrincipalName\": \"=cmd|' /C calc'!A0\"");

        assertThat(errorsOf(json)).extracting(FieldError::field)
                .singleElement()
                .asString()
                .matches("users\\[\\d+]\\.(user\\.value\\.)?userPrincipalName");
    }

    @Test
    void wrongTypesAreNamedWithTheirPath() {
        String json = demo().replaceFirst("\"accountEnabled\": true", "\"accountEnabled\": \"yes please\"");

        assertThat(errorsOf(json)).singleElement()
                .satisfies(e -> assertThat(e.field()).isEqualTo("users[0].user.value.accountEnabled"));
    }

    @Test
    void unknownPropertiesAndBadJsonAreRefused() {
        assertThat(errorsOf(demo().replaceFirst("\"source\"", "\"sauce\""))).extracting(FieldError::field)
                .containsExactly("sauce");
        assertThat(errorsOf("{\"format\": ")).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("not valid JSON"));
        assertThat(errorsOf("[]")).extracting(FieldError::field).containsExactly("$");
    }

    @Test
    void duplicatePropertiesAreRefusedRatherThanSilentlyOverwritten() {
        String json = demo().replaceFirst("\"id\": \"bg01-key-a\",", "\"id\": \"bg01-key-a\", \"id\": \"other\",");

        assertThat(errorsOf(json)).singleElement().satisfies(e -> assertThat(e.message()).contains("duplicate"));
    }

    @Test
    void aFactMustBeEitherKnownOrUnknownWithAValidReason() {
        String both = demo().replaceFirst("\"trustedCertificateAuthorities\": \\{",
                "\"trustedCertificateAuthorities\": {\"unknown\": {\"data\": \"CAs\", \"reason\": \"timeout\"},");
        String badReason = demo().replace("\"reason\": \"permission-denied\"", "\"reason\": \"forbidden\"");

        assertThat(errorsOf(both)).extracting(FieldError::field)
                .containsExactly("tenant.trustedCertificateAuthorities");
        assertThat(errorsOf(badReason)).extracting(FieldError::field)
                .containsExactly("users[4].methods.unknown"
                        + ".reason");
    }

    @Test
    void snapshotOfAnotherTenantIsRefused() {
        assertThat(catchThrowableOfType(InvalidInputException.class,
                () -> SnapshotFormat.parse(demo(), "11111111-2222-4333-8444-555555555555")).errors())
                .extracting(FieldError::field)
                .containsExactly("tenantId");
    }

    @Test
    void readingKeepsGapsAndTellsMissingUsersFromAbsentOnes() {
        SnapshotDocument snapshot = SnapshotFormat.parse(demo(), TENANT);

        DirectoryReading reading = SnapshotDirectory.read(snapshot, List.of(new AccountRef(BG01, null),
                new AccountRef(null, "bg-05@contoso-demo.onmicrosoft.com"),
                new AccountRef("d3000000-0000-4000-8000-0000000000ff", null)), Instant.parse("2026-10-01T00:00:00Z"));

        assertThat(reading.requests()).isZero();
        AccountFacts bg01 = reading.accounts().get(0);
        assertThat(bg01.user().value()).hasValueSatisfying(u -> assertThat(u.id()).isEqualTo(BG01));
        assertThat(reading.accounts().get(1).methods().missing()).hasValueSatisfying(gap -> {
            assertThat(gap.reason()).isEqualTo(UnknownReason.PERMISSION_DENIED);
            assertThat(gap.permission()).isEqualTo("UserAuthenticationMethod.Read.All");
        });
        assertThat(reading.accounts().get(2).user().isKnown()).as("not described is not 'absent'").isFalse();
        assertThat(reading.tenant().signIns().value()).extracting(s -> s.userId())
                .containsExactlyInAnyOrder(BG01, "d3000000-0000-4000-8000-000000000005");
    }

    @Test
    void userLookedUpAndNotFoundIsAbsent() {
        String json = demo().replaceFirst(
                "(?s)\"user\": \\{\\s*\"value\": \\{.*?\"certificateUserIds\": \\[]\\s*}\\s*}",
                "\"user\": {\"notFound\": true}");
        SnapshotDocument snapshot = SnapshotFormat.parse(json, TENANT);

        AccountFacts facts = SnapshotDirectory.read(snapshot, List.of(new AccountRef(BG01, null)), null)
                .accounts()
                .get(0);

        assertThat(facts.user().value()).isEmpty();
    }
}
