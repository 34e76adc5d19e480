package io.glasswarden.readiness;

import java.util.List;

/**
 * One distinct piece of data the tenant could not be read for, with the rules that became UNKNOWN or NOT_APPLICABLE
 * because of it (rules.md {@code dataGaps}): {@code permission} and {@code licence} may each be null.
 */
public record TenantDataGap(String data, String permission, String licence, List<String> rules) {
}
