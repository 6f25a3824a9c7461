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

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("keywarden.webhooks.allow-loopback", "true",
                "keywarden.webhooks.poll-interval", "50ms",
                "keywarden.webhooks.retry-base", "100ms",
                "keywarden.webhooks.retry-max", "200ms",
                "keywarden.webhooks.max-attempts", "4",
                "keywarden.metrics.key-hygiene-refresh", "200ms");
    }

    @AfterAll
    void stopReceivers() {
        ok.close();
        flaky.close();
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
}
