package io.glasswarden.directory;

/** The tenant to read: its Entra tenant id and national cloud ({@code global}, {@code usgov}, {@code usgovdod}, {@code china}). */
public record DirectoryTenant(String tenantId, String cloud) {
}
