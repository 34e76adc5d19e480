package io.glasswarden.notifications;

/** An e-mail as queued: rendered when queued, so a template error fails the caller, not a later delivery. */
record RenderedEmail(String to, String subject, String html, String text) {
}
