package io.glasswarden.core;

/** One invalid field of a request: {@code field} is a JSON path such as {@code custodians[0].email}. */
public record FieldError(String field, String message) {
}
