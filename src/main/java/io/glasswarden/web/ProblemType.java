package io.glasswarden.web;

/**
 * The stable problem types of the API. The URIs are part of the contract (docs/api.md lists them): clients may switch
 * on them, so a type is never renamed.
 */
public enum ProblemType {
    VALIDATION("validation", "Invalid request content", 400), MALFORMED_REQUEST("malformed-request",
            "Malformed request", 400), UNAUTHORIZED("unauthorized", "Authentication required", 401), FORBIDDEN(
                    "forbidden", "Not allowed for your role",
                    403), NOT_FOUND("not-found", "Not found", 404), METHOD_NOT_ALLOWED("method-not-allowed",
                            "Method not allowed",
                            405), NOT_ACCEPTABLE("not-acceptable", "Not acceptable", 406), CONFLICT("conflict",
                                    "Conflict", 409), STALE_ETAG("stale-etag", "Resource changed since it was read",
                                            409), PAYLOAD_TOO_LARGE("payload-too-large", "Request body too large",
                                                    413), UNSUPPORTED_MEDIA_TYPE("unsupported-media-type",
                                                            "Unsupported media type", 415), RATE_LIMITED("rate-limited",
                                                                    "Too many requests",
                                                                    429), INTERNAL_ERROR("internal-error",
                                                                            "Internal error", 500), SERVICE_UNAVAILABLE(
                                                                                    "service-unavailable",
                                                                                    "A dependency is unavailable",
                                                                                    503), URI_TOO_LONG("uri-too-long",
                                                                                            "Request URI too long",
                                                                                            414);

    public static final String BASE_URI = "https://glasswarden.io/problems/";

    private final String slug;
    private final String title;
    private final int status;

    ProblemType(String slug, String title, int status) {
        this.slug = slug;
        this.title = title;
        this.status = status;
    }

    public String uri() {
        return BASE_URI + slug;
    }

    public String title() {
        return title;
    }

    public int status() {
        return status;
    }

    /** The generic type for a status that has no more specific one. */
    public static ProblemType forStatus(int status) {
        for (ProblemType type : values()) {
            // A 400 raised by the framework means the request could not be read at all (syntax), not field validation.
            if (type.status == status && type != STALE_ETAG && type != VALIDATION) {
                return type;
            }
        }
        return status >= 500 ? INTERNAL_ERROR : MALFORMED_REQUEST;
    }
}
