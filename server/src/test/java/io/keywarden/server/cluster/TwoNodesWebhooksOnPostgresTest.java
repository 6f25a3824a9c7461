package io.keywarden.server.cluster;

import com.sun.net.httpserver.HttpServer;
import io.keywarden.server.persistence.JdbcWebhookStore;
import io.keywarden.server.support.SignedClient;
import io.keywarden.server.support.SignedClient.Response;
import io.keywarden.server.support.SlowTest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two nodes (two Micronaut contexts in this JVM) sharing one PostgreSQL database deliver from one webhook outbox to a
 * receiver on loopback: events committed on both nodes, both dispatchers polling every 20 ms and racing for the same
 * rows; every delivery reaches the receiver exactly once (by delivery ID) and is logged once, as delivered. Also the
 * targeted PostgreSQL test of the webhook migrations (V16, V18). Prints how many each node delivered.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SlowTest
class TwoNodesWebhooksOnPostgresTest {
    private static final String ACCOUNT = "210987654321";
    private static final int EVENTS = 50;
    private TwoNodes nodes;
    private EmbeddedServer nodeA;
    private EmbeddedServer nodeB;
    private HttpServer receiver;
    private final List<String> received = new CopyOnWriteArrayList<>();

    @BeforeAll
    void start() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.setExecutor(Executors.newFixedThreadPool(4));
        receiver.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            received.add(exchange.getRequestHeaders().getFirst("X-Keywarden-Delivery"));
            try {
                Thread.sleep(5); // a receiver that takes a moment, so both nodes' rounds overlap
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.start();
        nodes = TwoNodes.start(ACCOUNT, Map.of("keywarden.webhooks.allow-loopback", "true",
                "keywarden.webhooks.poll-interval", "20ms"), name -> Map.of());
        nodeA = nodes.a;
        nodeB = nodes.b;
    }

    @AfterAll
    void stop() {
        if (nodes != null) {
            nodes.close();
        }
        if (receiver != null) {
            receiver.stop(0);
        }
    }

    private static SignedClient root(EmbeddedServer s) {
        return TwoNodes.root(s);
    }

    private static double delivered(EmbeddedServer node) {
        MeterRegistry registry = node.getApplicationContext().getBean(MeterRegistry.class);
        Counter c = registry.find("keywarden.webhook.deliveries").tag("outcome", "delivered").counter();
        return c == null ? 0 : c.count();
    }

    @Test
    void eventsCommittedOnBothNodesAreEachDeliveredOnceAndLoggedOnce() {
        String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
        Response hook = root(nodeA).post("/v1/webhooks", "{\"url\":\"" + url + "\",\"events\":[\"policy.changed\"],"
                + "\"secret\":\"whsec_two-nodes-0123456789\"}");
        assertThat(hook.status()).as(hook.toString()).isEqualTo(201);
        String hookId = hook.json().path("webhookId").asText();
        assertThat(root(nodeA).post("/v1/users", "{\"userName\":\"hooked\"}").status()).isEqualTo(201);
        String document = "{\\\"Version\\\":\\\"2012-10-17\\\",\\\"Statement\\\":[{\\\"Effect\\\":\\\"Allow\\\","
                + "\\\"Action\\\":\\\"iam:GetUser\\\",\\\"Resource\\\":\\\"*\\\"}]}";
        for (int i = 0; i < EVENTS; i++) {
            EmbeddedServer node = i % 2 == 0 ? nodeA : nodeB;
            Response put = root(node).send("PUT", "/v1/users/hooked/policies/P" + (i % 5), "application/json",
                    ("{\"policyDocument\":\"" + document + "\"}").getBytes(StandardCharsets.UTF_8));
            assertThat(put.status()).as(put.toString()).isEqualTo(204);
        }

        JdbcWebhookStore store = nodeA.getApplicationContext().getBean(JdbcWebhookStore.class);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            assertThat(store.count("delivered")).isEqualTo(EVENTS);
            assertThat(store.count("pending")).isZero();
        });
        // every round that could still act on an old list of due rows has ended
        await().pollDelay(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
                .until(() -> delivered(nodeA) + delivered(nodeB) >= EVENTS);

        Map<String, Long> byId = received.stream().collect(Collectors.groupingBy(Function.identity(),
                Collectors.counting()));
        assertThat(byId).as("distinct deliveries received").hasSize(EVENTS);
        assertThat(byId.entrySet()).as("deliveries received more than once")
                .filteredOn(e -> e.getValue() > 1).isEmpty();
        assertThat(received).hasSize(EVENTS);

        List<String> logged = new ArrayList<>();
        String marker = null;
        do {
            Response page = root(nodeB).get("/v1/webhooks/" + hookId + "/deliveries?maxItems=100"
                    + (marker == null ? "" : "&marker=" + java.net.URLEncoder.encode(marker, StandardCharsets.UTF_8)));
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            page.json().path("deliveries").forEach(d -> {
                assertThat(d.path("outcome").asText()).isEqualTo("delivered");
                assertThat(d.path("attempt").asInt()).isEqualTo(1);
                logged.add(d.path("deliveryId").asText());
            });
            marker = page.json().path("isTruncated").asBoolean() ? page.json().path("marker").asText() : null;
        } while (marker != null);
        assertThat(logged).as("the delivery log: one row per delivery").hasSize(EVENTS)
                .doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(byId.keySet());
        assertThat(delivered(nodeA) + delivered(nodeB)).as("deliveries counted by the two nodes").isEqualTo(EVENTS);
        System.out.printf("two nodes, one outbox (PostgreSQL): %d events, %d received, 0 duplicates;"
                + " node A delivered %.0f, node B %.0f%n", EVENTS, received.size(), delivered(nodeA), delivered(nodeB));
    }
}
