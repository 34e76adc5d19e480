package io.glasswarden.readiness.evaluation;

import java.io.UncheckedIOException;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * The JSON bodies of completed evaluations' results, by entity tag. A completed evaluation never changes (its tag is its
 * id), so its body is written once per instance and then served as stored bytes, instead of reading every account's
 * readiness document back into maps and writing it out again on each read (issue 10). Nothing needs invalidating, on
 * any instance; the total size is bounded.
 */
@ApplicationScoped
class ResultsBodies {

    /** The latest results of a few hundred typical tenants (tens of KiB each); a larger body is served, not kept. */
    static final long MAX_BYTES = 16L * 1024 * 1024;

    private final EvaluationService service;
    private final ObjectMapper json;
    private final Cache<String, byte[]> bodies = Caffeine.newBuilder()
            .maximumWeight(MAX_BYTES)
            .weigher((String tag, byte[] body) -> body.length)
            .build();

    ResultsBodies(EvaluationService service, ObjectMapper json) {
        this.service = service;
        this.json = json;
    }

    /** The body of the results behind a tag of {@link EvaluationService#resultsTag} or {@code latestTag}. */
    byte[] json(String tag) {
        return bodies.get(tag, this::write);
    }

    private byte[] write(String tag) {
        try {
            return json.writeValueAsBytes(service.resultsOfTag(tag));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
