package io.keywarden.server.notify;

import com.fasterxml.jackson.databind.JsonNode;
import io.keywarden.core.expiry.KeyExpiryEvaluator.Action;
import io.keywarden.core.expiry.KeyExpiryService;
import io.keywarden.server.expiry.KeyExpiryJob;
import io.keywarden.server.support.ServerTestSupport;
import io.keywarden.server.support.SignedClient.Response;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Key expiry policies end to end on H2: the policy through /v1/key-hygiene/policy, the report, and the scheduler (every
 * second here) warning about, deactivating and deleting keys once each, with audit events naming the node and
 * notifications delivered to a receiver on loopback. Keys are aged by moving their creation date back in the database;
 * the deletion is reached by a run at a later time ({@link KeyExpiryJob#runOnce(Clock)}).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KeyExpiryPolicyTest extends ServerTestSupport {
    private static final String NODE = "node-h2";
    private final WebhookReceiver receiver = new WebhookReceiver(n -> 204);

    @Inject
    KeyExpiryJob job;

    @Inject
    DataSource dataSource;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("keywarden.webhooks.allow-loopback", "true",
                "keywarden.webhooks.poll-interval", "50ms",
                "keywarden.key-hygiene.interval", "1s",
                "keywarden.key-hygiene.initial-delay", "1s",
                "keywarden.key-hygiene.node", NODE);
    }

    @AfterAll
    void stopReceiver() {
        receiver.close();
    }

    private String newKey(String user, long ageDays) throws SQLException {
        assertThat(root().post("/v1/users", "{\"userName\":\"" + user + "\"}").status()).isEqualTo(201);
        String id = root().post("/v1/users/" + user + "/access-keys", "").json().path("accessKeyId").asText();
        try (Connection c = DelegatingDataSource.unwrapDataSource(dataSource).getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE access_keys SET create_date = ? WHERE access_key_id = ?")) {
            ps.setTimestamp(1, Timestamp.from(Instant.now().minus(Duration.ofDays(ageDays))));
            ps.setString(2, id);
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }
        return id;
    }

    private String status(String user, String keyId) {
        for (JsonNode k : root().get("/v1/users/" + user + "/access-keys").json().path("accessKeys")) {
            if (k.path("accessKeyId").asText().equals(keyId)) {
                return k.path("status").asText();
            }
        }
        return "deleted";
    }

    private static JsonNode entry(Response report, String keyId) {
        for (JsonNode k : report.json().path("keys")) {
            if (k.path("accessKeyId").asText().equals(keyId)) {
                return k;
            }
        }
        throw new AssertionError(keyId + " is not in " + report.body());
    }

    private List<JsonNode> events(String name) {
        Response r = root().get("/v1/audit-events?eventName=" + name);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        java.util.ArrayList<JsonNode> out = new java.util.ArrayList<>();
        r.json().path("events").forEach(out::add);
        return out;
    }

    private long delivered(String event, String keyId) {
        return receiver.received.stream().filter(x -> event.equals(x.header("X-Keywarden-Event"))
                && x.body().contains(keyId)).count();
    }

    @Test
    @Order(1)
    void thePolicyIsSetReadAndDeletedAndBadPoliciesAreClear4xx() {
        Response none = root().get("/v1/key-hygiene/policy");
        assertThat(none.status()).isEqualTo(404);
        assertThat(none.json().path("code").asText()).isEqualTo("NoSuchEntity");

        Response zero = root().put("/v1/key-hygiene/policy", "{\"warnAfterDays\":0}");
        assertThat(zero.status()).isEqualTo(400);
        assertThat(zero.json().path("code").asText()).isEqualTo("ValidationError");
        assertThat(zero.body()).contains("warnAfterDays");
        Response order = root().put("/v1/key-hygiene/policy", "{\"warnAfterDays\":90,\"deactivateAfterDays\":80}");
        assertThat(order.status()).isEqualTo(400);
        assertThat(order.json().path("code").asText()).isEqualTo("InvalidInput");
        assertThat(order.body()).contains("must be less than deactivateAfterDays");
        assertThat(root().put("/v1/key-hygiene/policy", "{}").json().path("code").asText()).isEqualTo("InvalidInput");
        assertThat(root().put("/v1/key-hygiene/policy", "{\"deactivateAfterDays\":9,\"maxAge\":3}").status())
                .isEqualTo(400);
        assertThat(root().put("/v1/key-hygiene/policy", "{\"deactivateAfterDays\":9,\"exemptions\":[{\"tagKey\":\"a#\"}]}")
                .status()).isEqualTo(400);

        Response set = root().put("/v1/key-hygiene/policy", "{\"warnAfterDays\":80,\"deactivateAfterDays\":90,"
                + "\"exemptions\":[{\"tagKey\":\"break-glass\"},{\"tagKey\":\"env\",\"tagValue\":\"prod\"}],\"dryRun\":true}");
        assertThat(set.status()).as(set.toString()).isEqualTo(200);
        Response got = root().get("/v1/key-hygiene/policy");
        assertThat(got.json().path("deactivateAfterDays").asInt()).isEqualTo(90);
        assertThat(got.json().path("dryRun").asBoolean()).isTrue();
        assertThat(got.json().path("exemptions").toString())
                .isEqualTo("[{\"tagKey\":\"break-glass\"},{\"tagKey\":\"env\",\"tagValue\":\"prod\"}]");
        assertThat(got.json().has("deleteAfterDays")).isFalse();
        assertThat(events("PutKeyExpiryPolicy")).isNotEmpty();

        assertThat(root().delete("/v1/key-hygiene/policy").status()).isEqualTo(204);
        assertThat(root().delete("/v1/key-hygiene/policy").status()).isEqualTo(404);
        Response report = root().get("/v1/key-hygiene");
        assertThat(report.status()).isEqualTo(200);
        assertThat(report.json().has("policy")).isFalse();
    }

    @Test
    @Order(2)
    void theSchedulerWarnsDeactivatesAndDeletesOnceWithEventsNamingTheNodeAndNotifications() throws Exception {
        Response hook = root().post("/v1/webhooks", "{\"url\":\"" + receiver.url() + "\",\"events\":["
                + "\"key.near_expiry\",\"key.deactivated_by_policy\",\"key.deleted_by_policy\",\"key.deactivated\"]}");
        assertThat(hook.status()).as(hook.toString()).isEqualTo(201);
        String old = newKey("old", 85);
        String older = newKey("older", 100);
        String vip = newKey("vip", 100);
        assertThat(root().post("/v1/users/vip/tags", "{\"tags\":[{\"key\":\"Break-Glass\",\"value\":\"\"}]}")
                .status()).isEqualTo(204);

        // no policy: ages only
        Response ages = root().get("/v1/key-hygiene");
        assertThat(entry(ages, old).path("ageDays").asLong()).isEqualTo(85);
        assertThat(entry(ages, old).path("state").asText()).isEqualTo("ok");
        assertThat(entry(ages, old).has("nextAction")).isFalse();

        // a dry run: the report says what would happen, nothing happens
        assertThat(root().put("/v1/key-hygiene/policy", "{\"warnAfterDays\":80,\"deactivateAfterDays\":90,"
                + "\"deleteAfterDays\":30,\"exemptions\":[{\"tagKey\":\"break-glass\"}],\"dryRun\":true}").status())
                .isEqualTo(200);
        long before = job.runs();
        await().atMost(Duration.ofSeconds(20)).until(() -> job.runs() >= before + 2);
        Response dry = root().get("/v1/key-hygiene");
        assertThat(entry(dry, older).path("state").asText()).isEqualTo("overdue");
        assertThat(entry(dry, older).path("nextAction").asText()).isEqualTo("deactivate");
        assertThat(entry(dry, older).path("reason").asText()).contains("deactivateAfterDays 90");
        assertThat(entry(dry, old).path("state").asText()).isEqualTo("due");
        assertThat(entry(dry, old).path("nextAction").asText()).isEqualTo("warn");
        assertThat(entry(dry, vip).path("exempt").asBoolean()).isTrue();
        assertThat(entry(dry, vip).path("exemptBy").asText()).isEqualTo("break-glass");
        assertThat(dry.json().path("summary").path("overDeactivate").asInt()).isEqualTo(1);
        assertThat(dry.json().path("summary").path("exempt").asInt()).isEqualTo(1);
        assertThat(status("older", older)).isEqualTo("Active");
        assertThat(events(KeyExpiryService.DEACTIVATED_EVENT)).isEmpty();
        assertThat(events(KeyExpiryService.NEAR_EXPIRY_EVENT)).isEmpty();

        // for real: the scheduler acts within a few seconds
        assertThat(root().put("/v1/key-hygiene/policy", "{\"warnAfterDays\":80,\"deactivateAfterDays\":90,"
                + "\"deleteAfterDays\":30,\"exemptions\":[{\"tagKey\":\"break-glass\"}]}").status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(status("older", older)).isEqualTo("Inactive");
            assertThat(delivered("key.deactivated_by_policy", older)).isEqualTo(1);
            assertThat(delivered("key.near_expiry", old)).isEqualTo(1);
        });
        long after = job.runs();
        await().atMost(Duration.ofSeconds(20)).until(() -> job.runs() >= after + 3);
        assertThat(events(KeyExpiryService.DEACTIVATED_EVENT)).hasSize(1);
        assertThat(events(KeyExpiryService.NEAR_EXPIRY_EVENT)).hasSize(1); // once per key and threshold
        JsonNode event = events(KeyExpiryService.DEACTIVATED_EVENT).get(0);
        assertThat(event.toString()).contains(older, NODE, "deactivateAfterDays 90", "AWSService");
        assertThat(status("old", old)).isEqualTo("Active");
        assertThat(status("vip", vip)).isEqualTo("Active");
        assertThat(delivered("key.deactivated_by_policy", older)).isEqualTo(1);
        assertThat(delivered("key.deactivated", older)).isZero(); // one notification per action
        JsonNode inactive = entry(root().get("/v1/key-hygiene"), older);
        assertThat(inactive.path("nextAction").asText()).isEqualTo("delete");
        assertThat(inactive.path("rule").asText()).isEqualTo("inactiveUnused");

        // 31 days on: Inactive and unused for 30 days, the key is deleted (old is deactivated on the way)
        Clock later = Clock.offset(Clock.systemUTC(), Duration.ofDays(31));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            List<KeyExpiryService.Applied> done = job.runOnce(later);
            assertThat(status("older", older)).isEqualTo("deleted");
        });
        assertThat(events(KeyExpiryService.DELETED_EVENT)).hasSize(1);
        assertThat(events(KeyExpiryService.DELETED_EVENT).get(0).toString()).contains(older, NODE);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(delivered("key.deleted_by_policy", older)).isEqualTo(1));
        assertThat(status("vip", vip)).isEqualTo("Active");
        assertThat(job.runOnce(later)).noneMatch(a -> a.accessKeyId().equals(older) || a.action() == Action.DELETE);
    }
}
