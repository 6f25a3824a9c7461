package io.keywarden.server.crash;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.keywarden.server.support.ServerTestSupport;
import io.keywarden.server.support.SignedClient;
import io.keywarden.server.support.SignedClient.Response;
import io.keywarden.server.support.SlowTest;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Webhook delivery survives {@code kill -9} (the real jar as a process, H2): key deactivations and deletions are
 * committed while the receiver holds the first delivery open and refuses the rest (503), so the outbox holds every
 * delivery, one of them claimed mid-flight; the process is killed; a new process on the same data delivers every
 * event at least once once the receiver answers 200. Duplicates (a delivery ID received more than once) are counted
 * and printed. Run by failsafe after {@code package}.
 */
@SlowTest
class H2WebhookCrashIT {
    private static final int USERS = 10;
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Received(String deliveryId, String event, String accessKeyId, boolean ok) {
    }

    @Test
    void everyCommittedEventIsDeliveredAtLeastOnceAfterKillDashNine() throws Exception {
        Path jar = Path.of("target", "keywarden-server.jar").toAbsolutePath();
        assertThat(jar).as("the server jar (mvn package builds it)").exists();
        List<Received> received = new CopyOnWriteArrayList<>();
        AtomicBoolean accepting = new AtomicBoolean(false);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean held = new AtomicBoolean(false);
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        receiver.createContext("/", exchange -> {
            JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
            boolean ok = accepting.get();
            if (!ok && held.compareAndSet(false, true)) {
                try {
                    release.await(60, TimeUnit.SECONDS); // the first delivery hangs while the server is killed
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            received.add(new Received(body.path("id").asText(), body.path("event").asText(),
                    body.path("detail").path("accessKeyId").asText(), ok));
            exchange.sendResponseHeaders(ok ? 200 : 503, -1);
            exchange.close();
        });
        receiver.start();
        try {
            Path dataDir = Files.createTempDirectory("keywarden-webhook-crash-");
            byte[] master = new byte[32];
            new SecureRandom().nextBytes(master);
            Map<String, String> env = new HashMap<>();
            env.put("KEYWARDEN_DATA_DIR", dataDir.toString());
            env.put("KEYWARDEN_ACCOUNT_ID", "444455556666");
            env.put("KEYWARDEN_MASTER_KEY", Base64.getEncoder().encodeToString(master));
            env.put("KEYWARDEN_ROOT_ACCESS_KEY_ID", ServerTestSupport.ROOT_ACCESS_KEY_ID);
            env.put("KEYWARDEN_ROOT_SECRET_ACCESS_KEY", ServerTestSupport.ROOT_SECRET);
            env.put("KEYWARDEN_WEBHOOK_ALLOW_LOOPBACK", "true");
            env.put("KEYWARDEN_WEBHOOKS_POLL_INTERVAL", "100ms");
            env.put("KEYWARDEN_WEBHOOKS_CLAIM_DURATION", "3s");
            env.put("KEYWARDEN_WEBHOOKS_REQUEST_TIMEOUT", "60s");
            env.put("KEYWARDEN_WEBHOOKS_RETRY_BASE", "200ms");
            env.put("KEYWARDEN_WEBHOOKS_RETRY_MAX", "1s");
            env.put("KEYWARDEN_WEBHOOKS_MAX_ATTEMPTS", "1000");

            Set<String> expected = new HashSet<>();
            CrashRecoveryContract.ServerProcess first = CrashRecoveryContract.ServerProcess.start(jar, env,
                    dataDir.resolve("first.log"));
            try {
                SignedClient root = first.root();
                Response hook = root.post("/v1/webhooks", "{\"url\":\"http://127.0.0.1:"
                        + receiver.getAddress().getPort() + "/hook\",\"events\":[\"key.deactivated\",\"key.deleted\"]}");
                assertThat(hook.status()).as(hook.toString()).isEqualTo(201);
                for (int i = 0; i < USERS; i++) {
                    String user = "crash" + i;
                    assertThat(root.post("/v1/users", "{\"userName\":\"" + user + "\"}").status()).isEqualTo(201);
                    String key = root.post("/v1/users/" + user + "/access-keys", "").json().path("accessKeyId")
                            .asText();
                    if (root.patch("/v1/users/" + user + "/access-keys/" + key, "{\"status\":\"Inactive\"}")
                            .status() / 100 == 2) {
                        expected.add("key.deactivated " + key);
                    }
                    if (root.delete("/v1/users/" + user + "/access-keys/" + key).status() / 100 == 2) {
                        expected.add("key.deleted " + key);
                    }
                }
                // the first delivery is in flight (held by the receiver), the others refused and waiting
                await().atMost(Duration.ofSeconds(30)).until(held::get);
            } finally {
                first.kill();
            }
            int beforeRestart = received.size(); // the held delivery is recorded only once released
            release.countDown();
            accepting.set(true);

            CrashRecoveryContract.ServerProcess second = CrashRecoveryContract.ServerProcess.start(jar, env,
                    dataDir.resolve("second.log"));
            try {
                await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
                    Set<String> delivered = new HashSet<>();
                    received.stream().filter(Received::ok).forEach(r -> delivered.add(r.event() + " " + r.accessKeyId()));
                    assertThat(delivered).containsAll(expected);
                });
            } finally {
                second.stop();
            }
            long okDeliveries = received.stream().filter(Received::ok).count();
            long distinct = received.stream().filter(Received::ok).map(Received::deliveryId).distinct().count();
            System.out.printf("webhook crash test: %d events committed, %d requests answered before the kill (one more held in flight),"
                            + " %d successful deliveries after restart for %d distinct delivery IDs: %d duplicates%n",
                    expected.size(), beforeRestart, okDeliveries, distinct, okDeliveries - distinct);
            assertThat(expected).hasSize(2 * USERS);
            assertThat(distinct).isEqualTo(expected.size());
        } finally {
            receiver.stop(0);
        }
    }
}
