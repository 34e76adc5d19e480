package io.glasswarden.directory.snapshot;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.glasswarden.directory.Fact;

/**
 * A fact in a snapshot: exactly one of {@code value} (read), {@code unknown} (not readable, with its gap, so an offline
 * audit stays fail-closed) or, for a user only, {@code notFound: true} (looked up and absent).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SnapshotFact<T>(T value, SnapshotGap unknown, Boolean notFound) {

    public static <T> SnapshotFact<T> of(Fact<T> fact) {
        return fact.isKnown()
                ? new SnapshotFact<>(fact.value(), null, null)
                : new SnapshotFact<>(null, SnapshotGap.of(fact.missing().orElseThrow()), null);
    }

    public Fact<T> toFact() {
        return unknown != null ? Fact.unknown(unknown.toDataGap()) : Fact.known(value);
    }

    boolean isNotFound() {
        return Boolean.TRUE.equals(notFound);
    }
}
