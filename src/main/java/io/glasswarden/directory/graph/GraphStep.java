package io.glasswarden.directory.graph;

import java.util.Map;

/**
 * One read to run in a {@code $batch}: our own {@code id} (e.g. {@code a3-methods}) maps the answer back to its
 * purpose; {@code url} is relative to the Graph endpoint and already encoded; {@code bucket} selects the pacing;
 * {@code headers} are sent with the step (and with the pages that follow it), e.g. {@code ConsistencyLevel}.
 */
record GraphStep(String id, String url, RequestPacer.Bucket bucket, Map<String, String> headers) {

    /** Advanced queries (OData casts with {@code $count}, {@code $filter} …) need this header (graph-reference §5). */
    static final Map<String, String> EVENTUAL = Map.of("ConsistencyLevel", "eventual");

    GraphStep {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    GraphStep(String id, String url, RequestPacer.Bucket bucket) {
        this(id, url, bucket, Map.of());
    }

    static GraphStep of(String id, String url) {
        return new GraphStep(id, url, RequestPacer.Bucket.DEFAULT);
    }

    /** The same read sent with {@code ConsistencyLevel: eventual}. */
    GraphStep eventual() {
        return new GraphStep(id, url, bucket, EVENTUAL);
    }
}
