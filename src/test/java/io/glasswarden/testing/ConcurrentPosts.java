package io.glasswarden.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * JSON POSTs from several callers released at the same instant, each sending its share one after another: races that
 * sequential tests never see. Plain JDK HTTP/1.1, one connection per caller.
 */
public final class ConcurrentPosts {

    private ConcurrentPosts() {
    }

    /** {@code callers} x {@code each} POSTs of {@code body.apply(n)} (n counts from 0) with this bearer key. */
    public static List<HttpResponse<String>> send(URI target, String key, int callers, int each,
            IntFunction<String> body) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<List<HttpResponse<String>>>> sent = new ArrayList<>();
            for (int c = 0; c < callers; c++) {
                int caller = c;
                Callable<List<HttpResponse<String>>> task = () -> {
                    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                    start.await();
                    List<HttpResponse<String>> answers = new ArrayList<>();
                    for (int i = 0; i < each; i++) {
                        answers.add(http.send(HttpRequest.newBuilder(target)
                                .header("Authorization", "Bearer " + key)
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(body.apply(caller * each + i)))
                                .build(), HttpResponse.BodyHandlers.ofString()));
                    }
                    return answers;
                };
                sent.add(pool.submit(task));
            }
            start.countDown();
            List<HttpResponse<String>> all = new ArrayList<>();
            for (Future<List<HttpResponse<String>>> caller : sent) {
                all.addAll(caller.get());
            }
            return all;
        } finally {
            pool.shutdownNow();
        }
    }
}
