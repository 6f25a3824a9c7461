package io.keywarden.server.crash;

import com.fasterxml.jackson.databind.JsonNode;
import io.keywarden.server.support.ServerTestSupport;
import io.keywarden.server.support.SignedClient;
import io.keywarden.server.support.SignedClient.Response;
import io.keywarden.server.support.SlowTest;
import io.keywarden.server.support.TestDatabase;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Crash consistency of the real server jar ({@code target/keywarden-server.jar}, built by {@code package}) run as a
 * separate process: concurrent workers create users and keys, deactivate and delete keys; the process is killed with
 * SIGKILL in the middle of that load; a new process starts on the same data. Every call that was acknowledged (a 2xx
 * answer reached the worker) must be there and consistent: users exist, keys have the acknowledged status or the
 * status of the one call in flight on them, acknowledged keys still authenticate with their secret (the sealed secret
 * is intact), deleted keys never authenticate, no live key lacks its sealed secret, every acknowledged change has its
 * audit event (by request ID) and the audit chain verifies.
 */
@SlowTest
public abstract class CrashRecoveryContract {
    private static final int WORKERS = 8;
    /** The load runs at least this long before the kill... */
    private static final Duration MIN_LOAD_BEFORE_KILL = Duration.ofSeconds(2);
    /** ...and until this many calls were acknowledged (however slow the machine), so the kill hits a busy server. */
    private static final int ACKS_BEFORE_KILL = 40;
    /** How long the acknowledgements may take on a loaded machine before the test gives up. */
    private static final Duration MAX_LOAD_BEFORE_KILL = Duration.ofMinutes(3);

    protected abstract TestDatabase newDatabase();

    /** What a worker knows about one key: the last acknowledged state, and the state an unanswered call would set. */
    private static final class KeyState {
        final String user;
        final String id;
        final String secret;
        final String createRequestId;
        volatile String acked = "Active";
        volatile String inFlight;

        KeyState(String user, String id, String secret, String createRequestId) {
            this.user = user;
            this.id = id;
            this.secret = secret;
            this.createRequestId = createRequestId;
        }
    }

    @Test
    void everyAcknowledgedWriteSurvivesKillDashNine() throws Exception {
        Path jar = Path.of("target", "keywarden-server.jar").toAbsolutePath();
        assertThat(jar).as("the server jar (mvn package builds it)").exists();
        try (TestDatabase db = newDatabase()) {
            Path dataDir = Files.createTempDirectory("keywarden-crash-");
            byte[] master = new byte[32];
            new SecureRandom().nextBytes(master);
            Map<String, String> env = new HashMap<>();
            env.put("KEYWARDEN_DATA_DIR", dataDir.toString());
            env.put("KEYWARDEN_ACCOUNT_ID", "444455556666");
            env.put("KEYWARDEN_MASTER_KEY", Base64.getEncoder().encodeToString(master));
            env.put("KEYWARDEN_ROOT_ACCESS_KEY_ID", ServerTestSupport.ROOT_ACCESS_KEY_ID);
            env.put("KEYWARDEN_ROOT_SECRET_ACCESS_KEY", ServerTestSupport.ROOT_SECRET);
            if (db.isPostgres()) {
                env.put("DATASOURCES_DEFAULT_URL", db.url());
                env.put("DATASOURCES_DEFAULT_USERNAME", db.user());
                env.put("DATASOURCES_DEFAULT_PASSWORD", db.password());
            }

            ServerProcess first = ServerProcess.start(jar, env, dataDir.resolve("first.log"));
            Map<String, String> ackedUsers = new ConcurrentHashMap<>(); // name -> CreateUser request ID
            List<KeyState> keys = java.util.Collections.synchronizedList(new ArrayList<>());
            Set<String> ackedChangeRequestIds = ConcurrentHashMap.newKeySet();
            AtomicInteger acks = new AtomicInteger();
            AtomicInteger failures = new AtomicInteger();
            AtomicBoolean stop = new AtomicBoolean();
            ExecutorService pool = Executors.newFixedThreadPool(WORKERS);
            try {
                SignedClient root = first.root();
                for (int w = 0; w < WORKERS; w++) {
                    int worker = w;
                    pool.submit(() -> {
                        for (int i = 0; !stop.get() && i < 10_000; i++) {
                            String user = "w" + worker + "-" + i;
                            try {
                                Response u = root.post("/v1/users", "{\"userName\":\"" + user + "\"}");
                                if (u.status() != 201) {
                                    failures.incrementAndGet();
                                    continue;
                                }
                                ackedUsers.put(user, u.header("x-amzn-RequestId"));
                                acks.incrementAndGet();
                                Response k = root.post("/v1/users/" + user + "/access-keys", null);
                                if (k.status() != 201) {
                                    failures.incrementAndGet();
                                    continue;
                                }
                                KeyState key = new KeyState(user, k.json().path("accessKeyId").asText(),
                                        k.json().path("secretAccessKey").asText(), k.header("x-amzn-RequestId"));
                                keys.add(key);
                                acks.incrementAndGet();
                                if (i % 2 == 0) {
                                    key.inFlight = "Inactive";
                                    Response p = root.patch("/v1/users/" + user + "/access-keys/" + key.id,
                                            "{\"status\":\"Inactive\"}");
                                    if (p.status() == 200) {
                                        key.acked = "Inactive";
                                        ackedChangeRequestIds.add(p.header("x-amzn-RequestId"));
                                        acks.incrementAndGet();
                                    }
                                    key.inFlight = null;
                                }
                                if (i % 3 == 0) {
                                    key.inFlight = "Deleted";
                                    Response d = root.delete("/v1/users/" + user + "/access-keys/" + key.id);
                                    if (d.status() == 204) {
                                        key.acked = "Deleted";
                                        ackedChangeRequestIds.add(d.header("x-amzn-RequestId"));
                                        acks.incrementAndGet();
                                    }
                                    key.inFlight = null;
                                }
                            } catch (RuntimeException e) {
                                // the server died under us: whatever was in flight stays in flight
                                failures.incrementAndGet();
                                if (!first.isAlive()) {
                                    return;
                                }
                            }
                        }
                    });
                }
                // kill in the middle of the load: after enough acknowledgements, whatever time they take
                await("at least " + ACKS_BEFORE_KILL + " calls acknowledged before the kill")
                        .pollDelay(MIN_LOAD_BEFORE_KILL).pollInterval(Duration.ofMillis(50))
                        .atMost(MAX_LOAD_BEFORE_KILL)
                        .failFast("the server process ended before the kill", () -> !first.isAlive())
                        .until(() -> acks.get() >= ACKS_BEFORE_KILL);
                first.kill();
                stop.set(true);
            } finally {
                pool.shutdown();
                assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
                first.kill();
            }
            int ackedAtKill = acks.get();
            assertThat(ackedAtKill).as("acknowledged calls before the kill").isGreaterThanOrEqualTo(ACKS_BEFORE_KILL);

            ServerProcess second = ServerProcess.start(jar, env, dataDir.resolve("second.log"));
            int keysChecked = 0;
            try {
                SignedClient root = second.root();
                for (String user : ackedUsers.keySet()) {
                    assertThat(root.get("/v1/users/" + user).status()).as("acknowledged user %s", user).isEqualTo(200);
                }
                for (KeyState key : List.copyOf(keys)) {
                    Set<String> allowed = new HashSet<>();
                    allowed.add(key.acked);
                    if (key.inFlight != null) {
                        allowed.add(key.inFlight);
                    }
                    String actual = "Deleted";
                    for (JsonNode k : root.get("/v1/users/" + key.user + "/access-keys").json().path("accessKeys")) {
                        if (k.path("accessKeyId").asText().equals(key.id)) {
                            actual = k.path("status").asText();
                        }
                    }
                    assertThat(actual).as("key %s of %s (acknowledged %s, in flight %s)", key.id, key.user, key.acked,
                            key.inFlight).isIn(allowed);
                    Response auth = SignedClient.of(second.uri(), key.id, key.secret).get("/v1/caller-identity");
                    if (actual.equals("Active")) {
                        assertThat(auth.status()).as("key %s authenticates with its secret", key.id).isEqualTo(200);
                    } else {
                        assertThat(auth.code()).as("key %s is refused", key.id).isEqualTo("InvalidClientTokenId");
                    }
                    keysChecked++;
                }
                // every acknowledged change has its audit event
                Set<String> audited = new HashSet<>();
                String marker = null;
                do {
                    Response page = root.get("/v1/audit-events?maxItems=1000"
                            + (marker == null ? "" : "&marker=" + java.net.URLEncoder.encode(marker,
                            java.nio.charset.StandardCharsets.UTF_8)));
                    page.json().path("events").forEach(e -> audited.add(e.path("requestId").asText()));
                    marker = page.json().path("isTruncated").asBoolean() ? page.json().path("marker").asText() : null;
                } while (marker != null);
                Set<String> expected = new HashSet<>(ackedChangeRequestIds);
                expected.addAll(ackedUsers.values());
                keys.forEach(k -> expected.add(k.createRequestId));
                assertThat(audited).as("audit events of acknowledged changes").containsAll(expected);
                Response verify = root.get("/v1/audit-events/verify");
                assertThat(verify.json().path("intact").asBoolean()).as(verify.body()).isTrue();
                System.out.printf("crash test (%s): %d calls acknowledged before kill -9 (%d refused or cut off),"
                                + " %d users and %d keys checked after restart, %d audit events, chain intact%n",
                        db.isPostgres() ? "PostgreSQL" : "H2 file", ackedAtKill, failures.get(), ackedUsers.size(),
                        keysChecked, verify.json().path("eventsChecked").asLong());
            } finally {
                second.stop();
            }
            // nothing partial: no live key without its sealed secret (checked with the server stopped, as H2 allows
            // one process at a time)
            String url = db.isPostgres() ? db.url()
                    : "jdbc:h2:file:" + dataDir.resolve("keywarden").toAbsolutePath() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
            try (Connection c = java.sql.DriverManager.getConnection(url, db.isPostgres() ? db.user() : "sa",
                    db.isPostgres() ? db.password() : ""); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM access_keys WHERE deleted_at IS NULL"
                         + " AND sealed_secret NOT LIKE 'v1:%'")) {
                rs.next();
                assertThat(rs.getInt(1)).as("live keys without a sealed secret").isZero();
            }
        }
    }

    /** The server jar as a child process. */
    static final class ServerProcess {
        private final Process process;
        private final int port;

        private ServerProcess(Process process, int port) {
            this.process = process;
            this.port = port;
        }

        static ServerProcess start(Path jar, Map<String, String> env, Path log) throws IOException, InterruptedException {
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            String java = ProcessHandle.current().info().command().orElse("java");
            ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-jar", jar.toString());
            pb.environment().putAll(env);
            pb.environment().put("MICRONAUT_SERVER_PORT", Integer.toString(port));
            pb.redirectErrorStream(true).redirectOutput(log.toFile());
            ServerProcess p = new ServerProcess(pb.start(), port);
            try {
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                        .failFast("the server process ended", () -> !p.isAlive())
                        .ignoreExceptionsInstanceOf(RuntimeException.class) // not up yet
                        .until(() -> SignedClient.anonymous(p.uri()).get("/health").status() == 200);
                return p;
            } catch (ConditionTimeoutException | TerminalFailureException e) {
                p.kill();
                throw new AssertionError("the server did not start: " + Files.readString(log), e);
            }
        }

        URI uri() {
            return URI.create("http://127.0.0.1:" + port + "/");
        }

        SignedClient root() {
            return SignedClient.of(uri(), ServerTestSupport.ROOT_ACCESS_KEY_ID, ServerTestSupport.ROOT_SECRET);
        }

        boolean isAlive() {
            return process.isAlive();
        }

        /** SIGKILL: no shutdown hook, no flush, nothing. */
        void kill() throws InterruptedException {
            if (process.isAlive()) {
                process.destroyForcibly();
                process.waitFor(30, TimeUnit.SECONDS);
            }
        }

        /** SIGTERM: the graceful shutdown. */
        void stop() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }
}
