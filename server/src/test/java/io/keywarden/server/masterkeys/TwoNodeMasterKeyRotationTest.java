package io.keywarden.server.masterkeys;

import com.fasterxml.jackson.databind.JsonNode;
import io.keywarden.server.support.ServerTestSupport;
import io.keywarden.server.support.SignedClient;
import io.keywarden.server.support.SignedClient.Response;
import io.keywarden.server.support.SlowTest;
import io.keywarden.server.support.TestDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Master key rotation under load on two nodes sharing one database (H2 in memory, or PostgreSQL under
 * {@code scripts/with-postgres.sh}): both nodes restarted with versions 1 and 2, a client signing requests against both
 * (and creating keys) while the re-seal runs; nothing is refused, exactly one node re-seals (the lease), and after
 * both restart with version 1 retired every key authenticates on both.
 */
@SlowTest
class TwoNodeMasterKeyRotationTest {
    private static final int USERS = 60;

    private static String randomKey() {
        byte[] b = new byte[32];
        new SecureRandom().nextBytes(b);
        return Base64.getEncoder().encodeToString(b);
    }

    private static TestDatabase database() {
        String url = System.getenv(TestDatabase.POSTGRES_URL);
        return url == null || url.isBlank() ? TestDatabase.h2() : TestDatabase.postgres();
    }

    private static EmbeddedServer start(TestDatabase db, String masterKeys, String name) throws IOException {
        Map<String, Object> props = new HashMap<>(db.properties());
        props.put("keywarden.data-dir", Files.createTempDirectory("keywarden-mk-" + name + "-").toString());
        props.put("keywarden.account-id", "210987654321");
        props.put("keywarden.master-keys", masterKeys);
        props.put("keywarden.root-access-key-id", ServerTestSupport.ROOT_ACCESS_KEY_ID);
        props.put("keywarden.root-secret-access-key", ServerTestSupport.ROOT_SECRET);
        // small batches with pauses: the re-seal runs for seconds, while the load runs
        props.put("keywarden.reseal.interval", "300ms");
        props.put("keywarden.reseal.batch-size", "3");
        props.put("keywarden.reseal.pause", "250ms");
        return ApplicationContext.run(EmbeddedServer.class, props);
    }

    private static URI uri(EmbeddedServer s) {
        return URI.create("http://127.0.0.1:" + s.getPort() + "/");
    }

    private static SignedClient root(EmbeddedServer s) {
        return SignedClient.of(uri(s), ServerTestSupport.ROOT_ACCESS_KEY_ID, ServerTestSupport.ROOT_SECRET);
    }

    private static double resealedBy(EmbeddedServer s) {
        return s.getApplicationContext().getBean(MeterRegistry.class).get("keywarden.reseal.resealed").counter()
                .count();
    }

    private static void close(EmbeddedServer... servers) {
        for (EmbeddedServer s : servers) {
            if (s != null) {
                s.getApplicationContext().close();
            }
        }
    }

    @Test
    void rotateUnderLoadOnTwoNodesThenRetireTheOldKey() throws Exception {
        String v1 = "1:" + randomKey();
        String v2 = "2:" + randomKey();
        Map<String, String> keys = new ConcurrentHashMap<>();
        try (TestDatabase db = database()) {
            EmbeddedServer a = start(db, v1, "a");
            try {
                for (int i = 0; i < USERS; i++) {
                    assertThat(root(a).post("/v1/users", "{\"userName\":\"u" + i + "\"}").status()).isEqualTo(201);
                    Response key = root(a).post("/v1/users/u" + i + "/access-keys", null);
                    keys.put(key.json().path("accessKeyId").asText(), key.json().path("secretAccessKey").asText());
                }
            } finally {
                close(a);
            }

            EmbeddedServer nodeA = null;
            EmbeddedServer nodeB = null;
            try {
                nodeA = start(db, v1 + "," + v2, "a");
                nodeB = start(db, v1 + "," + v2, "b");
                EmbeddedServer[] nodes = {nodeA, nodeB};
                List<String> refused = Collections.synchronizedList(new ArrayList<>());
                AtomicInteger requests = new AtomicInteger();
                AtomicBoolean sawRunning = new AtomicBoolean();
                AtomicInteger requestsWhenSeenRunning = new AtomicInteger(-1);
                AtomicInteger requestsWhenFinished = new AtomicInteger();
                AtomicBoolean stop = new AtomicBoolean();
                List<Thread> load = new ArrayList<>();
                List<String> ids = new ArrayList<>(keys.keySet());
                for (int t = 0; t < 2; t++) {
                    int offset = t;
                    Thread thread = new Thread(() -> {
                        int i = offset;
                        while (!stop.get()) {
                            String id = ids.get(i % ids.size());
                            EmbeddedServer node = nodes[i % 2];
                            Response r = SignedClient.of(uri(node), id, keys.get(id)).get("/v1/caller-identity");
                            requests.incrementAndGet();
                            if (r.status() != 200) {
                                refused.add(id + " on node " + (i % 2) + ": " + r.status() + " " + r.body());
                            }
                            if (i % 25 == 0) { // new keys meanwhile, sealed under version 2
                                String user = "n" + offset + "-" + i;
                                Response u = root(node).post("/v1/users", "{\"userName\":\"" + user + "\"}");
                                Response k = root(node).post("/v1/users/" + user + "/access-keys", null);
                                if (u.status() != 201 || k.status() != 201) {
                                    refused.add("create on node " + (i % 2) + ": " + u.status() + "/" + k.status());
                                } else {
                                    keys.put(k.json().path("accessKeyId").asText(),
                                            k.json().path("secretAccessKey").asText());
                                }
                            }
                            i += 2;
                        }
                    }, "load-" + t);
                    thread.start();
                    load.add(thread);
                }
                try {
                    await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                            .untilAsserted(() -> {
                                JsonNode status = root(nodes[requests.get() % 2]).get("/v1/master-keys").json();
                                if ("running".equals(status.path("reseal").path("state").asText())
                                        && sawRunning.compareAndSet(false, true)) {
                                    requestsWhenSeenRunning.set(requests.get());
                                }
                                assertThat(status.path("reseal").path("state").asText()).isEqualTo("finished");
                                assertThat(status.path("reseal").path("remaining").asLong()).isZero();
                                requestsWhenFinished.set(requests.get());
                            });
                    Thread.sleep(500); // a little load after the re-seal finished
                } finally {
                    stop.set(true);
                    for (Thread t : load) {
                        t.join(10_000);
                    }
                }
                System.out.println("two-node master key rotation: " + requests.get() + " signed requests during the"
                        + " re-seal, refused " + refused.size() + "; re-sealed by node A " + resealedBy(nodeA)
                        + ", by node B " + resealedBy(nodeB));
                assertThat(refused).isEmpty();
                assertThat(sawRunning).as("the status showed the re-seal running").isTrue();
                // requests were signed and answered while the re-seal ran (no throughput figure: the machine is shared)
                assertThat(requestsWhenFinished.get()).as("requests answered while the re-seal ran")
                        .isGreaterThan(requestsWhenSeenRunning.get());
                // exactly one node re-sealed: the other never held the lease (the root key and 60 users' keys)
                List<Double> byNode = List.of(resealedBy(nodeA), resealedBy(nodeB));
                assertThat(byNode).containsExactlyInAnyOrder((double) USERS + 1, 0.0);
                JsonNode status = root(nodeB).get("/v1/master-keys").json();
                assertThat(status.path("reseal").path("resealed").asLong()).isEqualTo(USERS + 1);
                assertThat(status.path("versions").get(0).path("version").asInt()).isEqualTo(1);
                assertThat(status.path("versions").get(0).path("sealedSecrets").asLong()).isZero();
            } finally {
                close(nodeA, nodeB);
            }

            // retire version 1 on both nodes: every key authenticates on both
            EmbeddedServer retiredA = null;
            EmbeddedServer retiredB = null;
            try {
                retiredA = start(db, v2, "a");
                retiredB = start(db, v2, "b");
                for (EmbeddedServer node : new EmbeddedServer[]{retiredA, retiredB}) {
                    for (Map.Entry<String, String> k : keys.entrySet()) {
                        assertThat(SignedClient.of(uri(node), k.getKey(), k.getValue()).get("/v1/caller-identity")
                                .status()).as(k.getKey()).isEqualTo(200);
                    }
                    assertThat(root(node).get("/v1/caller-identity").status()).isEqualTo(200);
                }
            } finally {
                close(retiredA, retiredB);
            }
        }
    }
}
