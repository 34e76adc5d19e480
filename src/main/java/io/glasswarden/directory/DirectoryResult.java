package io.glasswarden.directory;

/** A fact together with the number of HTTP requests it took to read. */
public record DirectoryResult<T>(Fact<T> fact, int requests) {
}
