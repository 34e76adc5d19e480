package io.glasswarden.directory;

import java.util.List;

/**
 * The result of reading a tenant: tenant-wide facts, one {@link AccountFacts} per requested account (same order), and
 * the number of HTTP requests sent to the directory (retries included, a {@code $batch} counting once, token requests
 * excluded).
 */
public record DirectoryReading(TenantFacts tenant, List<AccountFacts> accounts, int requests) {
}
