package io.glasswarden.directory.graph;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.glasswarden.directory.DataGap;
import io.glasswarden.directory.Fact;
import io.glasswarden.directory.SignIn;
import io.glasswarden.directory.UnknownReason;

/**
 * Sign-ins of given users since an instant, in the paced "Entra logs" bucket (5 requests/10 s per tenant): 15 users
 * per step ({@code userId eq … or …}, ids {@code s{i}-signins}), or one user per step ({@code u{i}-signins}) should
 * Graph refuse the {@code or} filter. No {@code $top} (its maximum differs between versions): pages are followed.
 * Graph returns newest first; the result is oldest first without duplicates.
 */
final class SignInReads {

    private SignInReads() {
    }

    static List<GraphStep> steps(Collection<String> userIds, Instant since, boolean onePerStep) {
        List<GraphStep> steps = new ArrayList<>();
        List<List<String>> chunks = RoleReads.chunks(userIds, onePerStep ? 1 : RoleReads.IDS_PER_STEP);
        String from = since.truncatedTo(ChronoUnit.SECONDS).toString();
        for (int i = 0; i < chunks.size(); i++) {
            String users = chunks.get(i)
                    .stream()
                    .map(id -> "userId eq " + GraphPaths.literal(id))
                    .collect(Collectors.joining(" or "));
            String filter = "createdDateTime ge " + from + " and (" + users + ")";
            steps.add(new GraphStep((onePerStep ? "u" : "s") + i + "-signins",
                    "/auditLogs/signIns?" + GraphPaths.filter(filter), RequestPacer.Bucket.SIGN_INS));
        }
        return steps;
    }

    /** Whether Graph refused the filter of a chunked read. */
    static boolean filterRejected(Map<String, GraphResponse> results) {
        return results.entrySet()
                .stream()
                .anyMatch(e -> e.getKey().matches("s\\d+-signins") && GraphErrorClassifier.refusedQuery(e.getValue()));
    }

    static Fact<List<SignIn>> collect(Collection<String> userIds, Instant since, Map<String, GraphResponse> results,
            boolean onePerStep) {
        int steps = RoleReads.chunks(userIds, onePerStep ? 1 : RoleReads.IDS_PER_STEP).size();
        Map<String, SignIn> byId = new LinkedHashMap<>();
        for (int i = 0; i < steps; i++) {
            GraphResponse response = results.get((onePerStep ? "u" : "s") + i + "-signins");
            if (response == null) {
                return Fact.unknown(DataGap.of(DataArea.SIGN_INS.data(), UnknownReason.GRAPH_ERROR, "not read"));
            }
            if (!response.ok()) {
                return Fact.unknown(GraphErrorClassifier.gap(DataArea.SIGN_INS, response));
            }
            response.body().path("value").forEach(n -> {
                SignIn signIn = SignInMapper.signIn(n);
                byId.putIfAbsent(signIn.id(), signIn);
            });
        }
        return Fact.known(byId.values()
                .stream()
                .filter(s -> s.createdDateTime() == null || !s.createdDateTime().isBefore(since))
                .sorted(Comparator.comparing(SignIn::createdDateTime, Comparator.nullsFirst(Comparator.naturalOrder())))
                .toList());
    }
}
