package io.glasswarden.notifications;

import java.util.Map;

/**
 * An e-mail to send: {@code template} names a Qute template pair under {@code templates/mail/} ({@code NAME.html} and
 * {@code NAME.txt}) rendered with {@code data}; {@code subject} is plain text.
 */
public record OutgoingEmail(String to, String subject, String template, Map<String, Object> data,
        String deduplicationKey) {
}
