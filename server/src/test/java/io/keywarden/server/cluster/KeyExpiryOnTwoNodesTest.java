package io.keywarden.server.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import io.keywarden.core.expiry.KeyExpiryService;
import io.keywarden.server.expiry.KeyExpiryJob;
import io.keywarden.server.support.SignedClient;
import io.keywarden.server.support.SignedClient.Response;
import io.keywarden.server.support.SlowTest;
import io.keywarden.server.support.TestDatabase;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The key expiry scheduler on two nodes sharing one PostgreSQL database, both running it every second: an overdue key
 * is deactivated exactly once, by one node, which its audit event names; one notification is written to the outbox;
 * several further runs on both nodes do nothing more.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SlowTest
class KeyExpiryOnTwoNodesTest {
    private static final String ACCOUNT = "210987654322";
    private TwoNodes nodes;
    private TestDatabase database;
    private EmbeddedServer nodeA;
    private EmbeddedServer nodeB;

    @BeforeAll
    void startTwoNodes() throws IOException {
        nodes = TwoNodes.start(ACCOUNT, Map.of("keywarden.key-hygiene.interval", "1s",
                "keywarden.key-hygiene.initial-delay", "0s"), name -> Map.of("keywarden.key-hygiene.node", "node-" + name));
        database = nodes.database;
        nodeA = nodes.a;
        nodeB = nodes.b;
    }

    @AfterAll
    void stop() {
        if (nodes != null) {
            nodes.close();
        }
    }

    private static SignedClient root(EmbeddedServer s) {
        return TwoNodes.root(s);
    }

    private static KeyExpiryJob job(EmbeddedServer s) {
        return s.getApplicationContext().getBean(KeyExpiryJob.class);
    }

    private int update(String sql, Object... args) throws SQLException {
        try (Connection c = database.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            return ps.executeUpdate();
        }
    }

    private long count(String sql, String arg) throws SQLException {
        try (Connection c = database.connect(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private String status(String user, String keyId) {
        for (JsonNode k : root(nodeB).get("/v1/users/" + user + "/access-keys").json().path("accessKeys")) {
            if (k.path("accessKeyId").asText().equals(keyId)) {
                return k.path("status").asText();
            }
        }
        return "deleted";
    }

    private List<JsonNode> events(EmbeddedServer s, String name) {
        Response r = root(s).get("/v1/audit-events?eventName=" + name);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        List<JsonNode> out = new ArrayList<>();
        r.json().path("events").forEach(out::add);
        return out;
    }

    @Test
    void anOverdueKeyIsDeactivatedOnceByOneNodeWithOneNotification() throws Exception {
        assertThat(root(nodeA).post("/v1/webhooks", "{\"url\":\"https://hooks.example.com/keywarden\","
                + "\"events\":[\"key.deactivated_by_policy\"]}").status()).isEqualTo(201);
        assertThat(root(nodeA).post("/v1/users", "{\"userName\":\"stale\"}").status()).isEqualTo(201);
        String keyId = root(nodeA).post("/v1/users/stale/access-keys", "").json().path("accessKeyId").asText();
        assertThat(update("UPDATE access_keys SET create_date = ? WHERE access_key_id = ?",
                Timestamp.from(Instant.now().minus(Duration.ofDays(100))), keyId)).isEqualTo(1);

        assertThat(root(nodeB).put("/v1/key-hygiene/policy", "{\"deactivateAfterDays\":90}").status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(status("stale", keyId)).isEqualTo("Inactive"));

        long a = job(nodeA).runs();
        long b = job(nodeB).runs();
        await().atMost(Duration.ofSeconds(30)).until(() -> job(nodeA).runs() >= a + 3 && job(nodeB).runs() >= b + 3);

        List<JsonNode> onA = events(nodeA, KeyExpiryService.DEACTIVATED_EVENT);
        assertThat(onA).hasSize(1);
        assertThat(events(nodeB, KeyExpiryService.DEACTIVATED_EVENT)).hasSize(1);
        String event = onA.get(0).toString();
        assertThat(event).contains(keyId);
        String node = event.contains("\\\"node\\\":\\\"node-a\\\"") || event.contains("\"node\":\"node-a\"") ? "node-a"
                : "node-b";
        assertThat(event).containsAnyOf("node-a", "node-b");
        assertThat(count("SELECT COUNT(*) FROM webhook_outbox WHERE event = ?", "key.deactivated_by_policy"))
                .isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM webhook_outbox WHERE event = ? AND payload LIKE '%" + node + "%'",
                "key.deactivated_by_policy")).isEqualTo(1);
        System.out.println("key expiry on two nodes: the deactivation was done by " + node + "; runs: node-a "
                + job(nodeA).runs() + ", node-b " + job(nodeB).runs());
    }
}
