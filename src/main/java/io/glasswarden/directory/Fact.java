package io.glasswarden.directory;

import java.util.Optional;
import java.util.function.Function;

/**
 * A piece of directory data: either read, or not readable with the gap that explains why. Rules must never turn an
 * unreadable fact into PASS or FAIL (rules.md, "fail closed").
 */
public sealed interface Fact<T> permits Fact.Known, Fact.Unknown {

    static <T> Fact<T> known(T value) {
        return new Known<>(value);
    }

    static <T> Fact<T> unknown(DataGap gap) {
        return new Unknown<>(gap);
    }

    default boolean isKnown() {
        return this instanceof Known<T>;
    }

    /** The value; throws when unknown (callers check {@link #isKnown()} first). */
    default T value() {
        if (this instanceof Known<T> k) {
            return k.value();
        }
        throw new IllegalStateException("fact is unknown: " + ((Unknown<T>) this).gap().reason());
    }

    default Optional<T> asOptional() {
        return this instanceof Known<T> k ? Optional.ofNullable(k.value()) : Optional.empty();
    }

    /** The gap that made this fact unknown, empty when known. */
    default Optional<DataGap> missing() {
        return this instanceof Unknown<T> u ? Optional.of(u.gap()) : Optional.empty();
    }

    default <R> Fact<R> map(Function<? super T, ? extends R> mapper) {
        if (this instanceof Known<T> k) {
            return new Known<>(mapper.apply(k.value()));
        }
        return new Unknown<>(((Unknown<T>) this).gap());
    }

    record Known<T>(T value) implements Fact<T> {
    }

    record Unknown<T>(DataGap gap) implements Fact<T> {
        public Unknown {
            java.util.Objects.requireNonNull(gap, "gap");
        }
    }
}
