package io.glasswarden.directory.graph;

/**
 * One read to run in a {@code $batch}: our own {@code id} (e.g. {@code a3-methods}) maps the answer back to its
 * purpose; {@code url} is relative to the Graph endpoint and already encoded; {@code bucket} selects the pacing.
 */
record GraphStep(String id, String url, RequestPacer.Bucket bucket) {

    static GraphStep of(String id, String url) {
        return new GraphStep(id, url, RequestPacer.Bucket.DEFAULT);
    }
}
