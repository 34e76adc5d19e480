package io.glasswarden.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ApiKeySecretTest {

    @Test
    void generatedKeysCarry256RandomBitsBehindTheMarker() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            ApiKeySecret secret = ApiKeySecret.generate();
            assertThat(secret.plaintext()).matches("gwk_[A-Za-z0-9_-]{43}");
            assertThat(ApiKeySecret.isWellFormed(secret.plaintext())).isTrue();
            assertThat(seen.add(secret.plaintext())).isTrue();
        }
    }

    @Test
    void onlyThePrefixAndTheHashAreKept() {
        ApiKeySecret secret = ApiKeySecret.generate();

        assertThat(secret.prefix()).hasSize(12).isEqualTo(secret.plaintext().substring(0, 12));
        assertThat(secret.hash()).matches("[0-9a-f]{64}")
                .isEqualTo(ApiKeySecret.hashOf(secret.plaintext()))
                .isNotEqualTo(ApiKeySecret.hashOf(secret.plaintext() + "x"));
        assertThat(secret.toString()).doesNotContain(secret.plaintext().substring(12));
    }

    @Test
    void theStoredHashOfAFixedKeyIsPinned() {
        // Computed outside Glasswarden (Python: hashlib.sha256(key.encode()).hexdigest()). Stored keys are found by
        // this hash: a change of algorithm or encoding would orphan every key already issued, so it must fail here.
        String key = "gwk_0123456789abcdefghijklmnopqrstuvwxyzABCDEFG";

        assertThat(ApiKeySecret.isWellFormed(key)).isTrue();
        assertThat(ApiKeySecret.hashOf(key))
                .isEqualTo("0ca1320da278e13dd9091b2dd2c5a4b0e3527301a40d66988cfe221676522b27");
    }

    @Test
    void createdKeyDoesNotPrintItsKey() {
        ApiKeySecret secret = ApiKeySecret.generate();
        CreatedApiKey created = new CreatedApiKey(null, "n", Roles.ADMIN, null, secret.prefix(), null, "me",
                secret.plaintext());

        assertThat(created.toString()).doesNotContain(secret.plaintext());
    }

    @Test
    void malformedKeysAreRecognisedWithoutALookup() {
        assertThat(ApiKeySecret.isWellFormed("gwk_short")).isFalse();
        assertThat(ApiKeySecret.isWellFormed("gwk_" + "A".repeat(44))).isFalse();
        assertThat(ApiKeySecret.isWellFormed("gwk_" + "A".repeat(42) + "=")).isFalse();
        assertThat(ApiKeySecret.isApiKey("eyJhbGciOi")).isFalse();
    }

    @Test
    void bearerTokenIsReadCaseInsensitivelyAndOnlyFromBearer() {
        assertThat(ApiKeyAuthenticationMechanism.bearerToken("Bearer gwk_x")).isEqualTo("gwk_x");
        assertThat(ApiKeyAuthenticationMechanism.bearerToken("bearer  gwk_x ")).isEqualTo("gwk_x");
        assertThat(ApiKeyAuthenticationMechanism.bearerToken("Basic dXNlcg==")).isNull();
        assertThat(ApiKeyAuthenticationMechanism.bearerToken("Bearer ")).isNull();
        assertThat(ApiKeyAuthenticationMechanism.bearerToken(null)).isNull();
    }

    @Test
    void hierarchyImpliesWeakerRolesOnly() {
        assertThat(RoleHierarchyAugmentor.impliedBy(Set.of(Roles.ADMIN))).containsExactlyInAnyOrder(Roles.OPERATOR,
                Roles.AUDITOR);
        assertThat(RoleHierarchyAugmentor.impliedBy(Set.of(Roles.OPERATOR))).containsExactly(Roles.AUDITOR);
        assertThat(RoleHierarchyAugmentor.impliedBy(Set.of(Roles.AUDITOR, Roles.CUSTODIAN))).isEmpty();
    }
}
