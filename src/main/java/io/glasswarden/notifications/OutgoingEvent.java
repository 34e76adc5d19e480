package io.glasswarden.notifications;

import java.util.Map;

/**
 * A domain event for webhooks, sent as CloudEvents 1.0 JSON: {@code type} such as
 * {@code io.glasswarden.sign-in.detected}, {@code subject} the account or tenant it concerns, {@code data} the payload.
 */
public record OutgoingEvent(String type, String tenantId, String subject, Map<String, Object> data) {
}
