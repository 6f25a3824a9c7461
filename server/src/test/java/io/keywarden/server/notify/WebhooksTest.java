package io.keywarden.server.notify;

import com.fasterxml.jackson.databind.JsonNode;
import io.keywarden.core.notify.WebhookSecret;
import io.keywarden.core.notify.WebhookSignature;
import io.keywarden.server.support.ServerTestSupport;
import io.keywarden.server.support.SignedClient.Response;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Webhooks end to end: configured through /v1/webhooks, delivered to a receiver on loopback, signed, retried, logged. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhooksTest extends ServerTestSupport {
    private static final String SECRET = "whsec_test-secret-0123456789";
    private final WebhookReceiver ok = new WebhookReceiver(n -> 204);
    private final WebhookReceiver flaky = new WebhookReceiver(n -> n <= 2 ? 500 : 200);
    private final WebhookReceiver everything = new WebhookReceiver(n -> 200);

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("keywarden.webhooks.allow-loopback", "true",
                "keywarden.webhooks.poll-interval", "50ms",
                "keywarden.webhooks.retry-base", "100ms",
                "keywarden.webhooks.retry-max", "200ms",
                "keywarden.webhooks.max-attempts", "4",
                "keywarden.webhooks.root-key-interval", "100ms",
                "keywarden.passwords.lock-after", "3",
                "keywarden.metrics.key-hygiene-refresh", "200ms");
    }

    @AfterAll
    void stopReceivers() {
        ok.close();
        flaky.close();
        everything.close();
    }

    private Response create(String url, String events, String secret) {
        return root().post("/v1/webhooks", "{\"url\":\"" + url + "\",\"events\":" + events
                + (secret == null ? "" : ",\"secret\":\"" + secret + "\"") + "}");
    }

    @Test
    void aWebhookIsCreatedWithItsSecretShownOnceThenReadUpdatedAndDeleted() {
        Response created = create("https://hooks.example.com/a", "[\"policy.changed\"]", null);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().path("webhookId").asText();
        String secret = created.json().path("secret").asText();
        assertThat(id).matches("wh-[A-Z2-7]{17}");
        assertThat(secret).startsWith("whsec_").hasSize(49);

        Response got = root().get("/v1/webhooks/" + id);
        assertThat(got.status()).isEqualTo(200);
        assertThat(got.json().has("secret")).isFalse();
        assertThat(got.json().path("url").asText()).isEqualTo("https://hooks.example.com/a");
        assertThat(root().get("/v1/webhooks").body()).contains(id).doesNotContain(secret);

        Response same = root().patch("/v1/webhooks/" + id, "{\"events\":[\"key.deleted\",\"key.deactivated\"]}");
        assertThat(same.status()).as(same.toString()).isEqualTo(200);
        assertThat(same.json().has("secret")).isFalse();
        assertThat(same.json().path("events").toString()).isEqualTo("[\"key.deleted\",\"key.deactivated\"]");
        Response rotated = root().patch("/v1/webhooks/" + id, "{\"rotateSecret\":true}");
        assertThat(rotated.json().path("secret").asText()).startsWith("whsec_").isNotEqualTo(secret);

        Response trail = root().get("/v1/audit-events?eventName=CreateWebhook");
        assertThat(trail.body()).doesNotContain(secret).contains("HIDDEN_DUE_TO_SECURITY_REASONS");

        assertThat(root().delete("/v1/webhooks/" + id).status()).isEqualTo(204);
        Response gone = root().get("/v1/webhooks/" + id);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.json().path("code").asText()).isEqualTo("NoSuchEntity");
    }

    @Test
    void badUrlsAndEventsAreRefusedWithValidationErrors() {
        for (String url : new String[]{"ftp://example.com/", "https://user:pw@example.com/", "not a url",
                "https://example.com/#x"}) {
            Response r = create(url, "[\"*\"]", null);
            assertThat(r.status()).as(url + " " + r).isEqualTo(400);
            assertThat(r.body()).doesNotContain("pw@");
        }
        Response unknown = create("https://example.com/", "[\"key.exploded\"]", null);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("events");
        assertThat(create("https://example.com/", "[\"*\"]", "short").status()).isEqualTo(400);
        assertThat(root().post("/v1/webhooks", "{\"url\":\"https://example.com/\",\"events\":[\"*\"],\"x\":1}")
                .status()).isEqualTo(400);
    }

    @Test
    void aDeactivatedKeyIsDeliveredSignedWithItsHeadersAndBody() throws Exception {
        Response hook = create(ok.url(), "[\"key.deactivated\",\"key.deleted\"]", SECRET);
        assertThat(hook.status()).as(hook.toString()).isEqualTo(201);
        String hookId = hook.json().path("webhookId").asText();
        assertThat(root().post("/v1/users", "{\"userName\":\"hooked\"}").status()).isEqualTo(201);
        String keyId = root().post("/v1/users/hooked/access-keys", "").json().path("accessKeyId").asText();

        Response deactivated = root().patch("/v1/users/hooked/access-keys/" + keyId, "{\"status\":\"Inactive\"}");
        assertThat(deactivated.status()).as(deactivated.toString()).isBetween(200, 204);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(ok.received).anySatisfy(r -> assertThat(r.body()).contains(keyId)));
        WebhookReceiver.Received r = ok.received.stream().filter(x -> x.body().contains(keyId)).findFirst()
                .orElseThrow();
        long ts = Long.parseLong(r.header("X-Keywarden-Timestamp"));
        assertThat(WebhookSignature.verify(WebhookSecret.of(SECRET), ts, r.body().getBytes(StandardCharsets.UTF_8),
                r.header("X-Keywarden-Signature"))).isTrue();
        assertThat(r.header("X-Keywarden-Signature")).matches("sha256=[0-9a-f]{64}");
        assertThat(r.header("X-Keywarden-Event")).isEqualTo("key.deactivated");
        assertThat(r.header("Content-Type")).isEqualTo("application/json");
        JsonNode body = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body());
        assertThat(body.path("id").asText()).isEqualTo(r.header("X-Keywarden-Delivery"));
        assertThat(body.path("event").asText()).isEqualTo("key.deactivated");
        assertThat(body.path("account").asText()).matches("\\d{12}");
        assertThat(body.path("time").asText()).endsWith("Z");
        assertThat(body.path("detail").path("accessKeyId").asText()).isEqualTo(keyId);
        assertThat(body.path("detail").path("userName").asText()).isEqualTo("hooked");

        Response log = root().get("/v1/webhooks/" + hookId + "/deliveries");
        assertThat(log.status()).isEqualTo(200);
        assertThat(log.json().path("deliveries").get(0).path("outcome").asText()).isEqualTo("delivered");
        assertThat(log.json().path("deliveries").get(0).path("statusCode").asInt()).isEqualTo(204);
    }

    @Test
    void aDeliveryAnsweredWith500IsRetriedUntilItSucceedsAndTheLogShowsEachAttempt() {
        Response hook = create(flaky.url(), "[\"policy.changed\"]", SECRET);
        String hookId = hook.json().path("webhookId").asText();
        assertThat(root().post("/v1/users", "{\"userName\":\"retried\"}").status()).isEqualTo(201);
        Response put = root().send("PUT", "/v1/users/retried/policies/P", "application/json",
                ("{\"policyDocument\":\"{\\\"Version\\\":\\\"2012-10-17\\\",\\\"Statement\\\":[{\\\"Effect\\\":"
                        + "\\\"Allow\\\",\\\"Action\\\":\\\"iam:GetUser\\\",\\\"Resource\\\":\\\"*\\\"}]}\"}")
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(put.status()).as(put.toString()).isBetween(200, 204);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonNode log = root().get("/v1/webhooks/" + hookId + "/deliveries").json().path("deliveries");
            assertThat(log.size()).isEqualTo(3);
            assertThat(log.get(0).path("outcome").asText()).isEqualTo("delivered");
        });
        JsonNode log = root().get("/v1/webhooks/" + hookId + "/deliveries").json().path("deliveries");
        assertThat(log.get(1).path("outcome").asText()).isEqualTo("retrying");
        assertThat(log.get(1).path("statusCode").asInt()).isEqualTo(500);
        assertThat(log.get(2).path("attempt").asInt()).isEqualTo(1);
        assertThat(log.get(0).path("attempt").asInt()).isEqualTo(3);
        assertThat(log.get(0).path("deliveryId").asText()).isEqualTo(log.get(2).path("deliveryId").asText());
        assertThat(flaky.received).hasSize(3);
        assertThat(flaky.received).extracting(r -> r.header("X-Keywarden-Delivery")).containsOnly(
                log.get(0).path("deliveryId").asText());
        assertThat(flaky.received.get(0).body()).contains("\"change\":\"PutUserPolicy\"");

        Response page = root().get("/v1/webhooks/" + hookId + "/deliveries?maxItems=2");
        assertThat(page.json().path("isTruncated").asBoolean()).isTrue();
        Response next = root().get("/v1/webhooks/" + hookId + "/deliveries?maxItems=2&marker="
                + page.json().path("marker").asText());
        assertThat(next.json().path("deliveries").size()).isEqualTo(1);
    }

    @Test
    void metricsAreExposedWithTheDocumentedNames() {
        root().get("/v1/users"); // a root key use, a committed event
        Response session = root().post("/v1/sts/session-token", "{\"durationSeconds\":900}");
        assertThat(session.status()).as(session.toString()).isEqualTo(200);
        anonymous().get("/v1/users"); // an authentication failure
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            String text = anonymous().get("/prometheus").body();
            assertThat(text).contains("keywarden_keys_active ", "keywarden_keys_oldest_age_days ",
                    "keywarden_keys_unused ", "keywarden_keys_root_active 1.0", "keywarden_keys_age_days{le=\"90\"}",
                    "keywarden_keys_age_days{le=\"+Inf\"}", "keywarden_auth_failures_total{reason=", "keywarden_sessions_issued_total{kind=\"session_token\"}");
        });
    }

    /**
     * Every event that has a producer today reaches a webhook subscribed to all ({@code *}): the key, policy and root
     * events from the audit trail, the quarantine (from its audit event) and the console lock-out (published by the
     * sign-in). The expiry scheduler's three events are not produced yet.
     */
    @Test
    void everyProducedEventIsDeliveredToAWebhookOfAllEvents() throws Exception {
        Response hook = create(everything.url(), "[\"*\"]", SECRET);
        assertThat(hook.status()).as(hook.toString()).isEqualTo(201);
        Response user = root().post("/v1/users", "{\"userName\":\"wired\"}");
        assertThat(user.status()).isEqualTo(201);
        String account = user.json().path("arn").asText().split(":")[4];
        String first = root().post("/v1/users/wired/access-keys", "").json().path("accessKeyId").asText();
        String second = root().post("/v1/users/wired/access-keys", "").json().path("accessKeyId").asText();

        assertThat(root().patch("/v1/users/wired/access-keys/" + first, "{\"status\":\"Inactive\"}").status())
                .isBetween(200, 204);
        assertThat(root().delete("/v1/users/wired/access-keys/" + first).status()).isEqualTo(204);
        Response quarantined = root().post("/v1/access-keys/" + second + "/quarantine",
                "{\"reason\":\"posted in a public gist\",\"deactivate\":true}");
        assertThat(quarantined.status()).as(quarantined.toString()).isEqualTo(200);
        assertThat(root().post("/v1/users/wired/login-profile", "{\"password\":\"Wired-Password-1\"}").status())
                .isEqualTo(201);
        for (int i = 0; i < 3; i++) {
            Response refused = anonymous().post("/v1/console/sign-in", "{\"account\":\"" + account
                    + "\",\"userName\":\"wired\",\"password\":\"Not-The-Password-" + i + "\"}");
            assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(everything.received)
                .extracting(r -> r.header("X-Keywarden-Event")).contains("key.deactivated", "key.deleted",
                        "policy.changed", "root_key.used", "key.quarantined", "sign_in.failed_repeatedly"));

        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        JsonNode q = json.readTree(only(everything, "key.quarantined").body()).path("detail");
        assertThat(q.path("accessKeyId").asText()).isEqualTo(second);
        assertThat(q.path("userName").asText()).isEqualTo("wired");
        assertThat(q.path("status").asText()).isEqualTo("Inactive");
        assertThat(q.path("reason").asText()).isEqualTo("posted in a public gist");
        assertThat(q.path("policyArn").asText()).endsWith(":policy/KeywardenCompromisedKeyQuarantine");
        assertThat(q.path("principalArn").asText()).endsWith(":root");
        assertThat(everything.received).anySatisfy(r -> {
            assertThat(r.header("X-Keywarden-Event")).isEqualTo("policy.changed");
            assertThat(r.body()).contains("\"change\":\"QuarantineAccessKey\"", "\"userName\":\"wired\"");
        });

        WebhookReceiver.Received locked = only(everything, "sign_in.failed_repeatedly");
        JsonNode l = json.readTree(locked.body()).path("detail");
        assertThat(l.path("userName").asText()).isEqualTo("wired");
        assertThat(l.path("failedAttempts").asInt()).isEqualTo(3);
        assertThat(l.path("lockedUntil").asText()).endsWith("Z");
        assertThat(locked.body()).doesNotContain("Not-The-Password").doesNotContain("Wired-Password");
        assertThat(WebhookSignature.verify(WebhookSecret.of(SECRET), Long.parseLong(locked.header(
                "X-Keywarden-Timestamp")), locked.body().getBytes(StandardCharsets.UTF_8),
                locked.header("X-Keywarden-Signature"))).isTrue();
    }

    private static WebhookReceiver.Received only(WebhookReceiver receiver, String event) {
        assertThat(receiver.received).filteredOn(r -> event.equals(r.header("X-Keywarden-Event"))).hasSize(1);
        return receiver.received.stream().filter(r -> event.equals(r.header("X-Keywarden-Event"))).findFirst()
                .orElseThrow();
    }
}
