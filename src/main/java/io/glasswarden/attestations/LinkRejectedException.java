package io.glasswarden.attestations;

/** An attestation link or form submission that is refused; the reason decides the HTML error page and status. */
class LinkRejectedException extends RuntimeException {

    /** Why: shown to the person in plain words. */
    enum Reason {
        /** Unknown, malformed or tampered link: no detail, so the page is no oracle. */
        INVALID(404, "This attestation link is not valid. Use the link from your most recent e-mail."), EXPIRED(410,
                "This attestation link has expired. A new one is sent with the next request."), USED(410,
                        "This attestation link has already been used. Each link records one attestation."), FORBIDDEN(
                                403,
                                "The form could not be verified. Open the link from your e-mail again and resubmit.");

        final int status;
        final String message;

        Reason(int status, String message) {
            this.status = status;
            this.message = message;
        }
    }

    private final Reason reason;

    LinkRejectedException(Reason reason) {
        super(reason.name());
        this.reason = reason;
    }

    Reason reason() {
        return reason;
    }
}
