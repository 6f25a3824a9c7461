package io.keywarden.server.audit;

import com.fasterxml.jackson.databind.JsonNode;
import io.keywarden.server.support.ServerTestSupport;
import io.keywarden.server.support.SignedClient;
import io.keywarden.server.support.SignedClient.Response;
import io.keywarden.server.support.SlowTest;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 14: a flood of junk-signed requests from one source neither grows the trail per request nor makes a real
 * change wait; every refusal is still accounted for, as its own event or in a summary, and counted in the metrics.
 */
@SlowTest
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthFailureFloodTest extends ServerTestSupport {
    private static final String JUNK_KEY = "AKIAJUNKJUNKJUNKJUNK";
    private static final int FLOOD = 10_000;

    @Inject
    AuthFailureAggregator aggregator;
    @Inject
    MeterRegistry registry;

    @Override
    protected Map<String, String> extraProperties() {
        // one window for the whole test: the summary is written by flushAll, as at shutdown
        return Map.of("keywarden.audit.auth-failure-window", "1h", "keywarden.audit.auth-failures-per-window", "10");
    }

    @Test
    void tenThousandJunkSignedRequestsGiveFewEventsThatAccountForEachAndAChangeIsAnsweredDuringTheFlood()
            throws Exception {
        SignedClient junk = as(JUNK_KEY, "not-the-secret-of-anything-at-all-00000000");
        Semaphore inFlight = new Semaphore(16);
        AtomicInteger refused = new AtomicInteger();
        List<CompletableFuture<Response>> sent = new ArrayList<>(FLOOD);
        CompletableFuture<Response> change = null;
        for (int i = 0; i < FLOOD; i++) {
            inFlight.acquire();
            CompletableFuture<Response> f = junk.sendAsync("POST", "/v1/users", "application/json",
                    ("{\"userName\":\"flood-" + i + "\"}").getBytes(StandardCharsets.UTF_8));
            f.whenComplete((r, e) -> {
                inFlight.release();
                if (r != null && r.status() == 403) {
                    refused.incrementAndGet();
                }
            });
            sent.add(f);
            if (i == FLOOD / 2) {
                change = CompletableFuture.supplyAsync(() -> root().post("/v1/users", "{\"userName\":\"real-one\"}"));
            }
        }
        // a legitimate change made in the middle of the flood is answered (a generous bound: no timing assertion)
        Response created = change.get(60, TimeUnit.SECONDS);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
        assertThat(refused.get()).isEqualTo(FLOOD);

        // metrics count every failure
        assertThat(registry.get("keywarden.auth.failures").tag("reason", "InvalidClientTokenId").counter().count())
                .isEqualTo(FLOOD);

        aggregator.flushAll();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> assertThat(events("eventName=" + AuthFailureAggregator.SUMMARY_EVENT)).isNotEmpty());
        List<JsonNode> single = events("accessKeyId=" + JUNK_KEY);
        List<JsonNode> summaries = events("eventName=" + AuthFailureAggregator.SUMMARY_EVENT);
        assertThat(single.size() + summaries.size()).as("a bounded number of events").isLessThanOrEqualTo(20);
        assertThat(single).allSatisfy(e -> assertThat(e.path("errorCode").asText()).isEqualTo("InvalidClientTokenId"));
        long summarised = 0;
        for (JsonNode s : summaries) {
            JsonNode p = io.keywarden.core.audit.EventJson.parse(s.path("requestParameters").asText());
            assertThat(p.path("sourceIpAddress").asText()).isEqualTo("127.0.0.1");
            summarised += p.path("failures").asLong();
        }
        assertThat(single.size() + summarised).as("the events account for every refusal").isEqualTo(FLOOD);

        // and the change made during the flood is in the trail
        assertThat(events("eventName=CreateUser")).anySatisfy(e ->
                assertThat(e.path("requestId").asText()).isEqualTo(created.header("x-amzn-RequestId")));
    }

    private List<JsonNode> events(String filter) {
        List<JsonNode> out = new ArrayList<>();
        String marker = null;
        do {
            Response r = root().get("/v1/audit-events?maxItems=1000&" + filter
                    + (marker == null ? "" : "&marker=" + URLEncoder.encode(marker, StandardCharsets.UTF_8)));
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            r.json().path("events").forEach(out::add);
            marker = r.json().path("isTruncated").asBoolean() ? r.json().path("marker").asText() : null;
        } while (marker != null);
        return out;
    }
}
