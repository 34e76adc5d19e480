package io.glasswarden.web;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.glasswarden.core.FieldError;

/** An RFC 9457 problem detail; {@code errors} only on validation problems. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
}
