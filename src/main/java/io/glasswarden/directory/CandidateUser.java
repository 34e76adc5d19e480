package io.glasswarden.directory;

/**
 * A user that holds an active Global Administrator assignment, with the facts needed to judge whether it looks like
 * an emergency account (cloud-only, permanent, excluded from Conditional Access).
 */
public record CandidateUser(DirectoryUser user, AccountFacts facts) {
}
