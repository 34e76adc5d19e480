package io.glasswarden.directory;

/**
 * An inventoried emergency account as the directory is asked about it: found by object id, else by UPN (BG-001). At
 * least one of the two is set.
 */
public record AccountRef(String objectId, String userPrincipalName) {
}
