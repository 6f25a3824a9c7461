package io.keywarden.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keywarden.server.support.ServerTestSupport;
import io.keywarden.server.support.SignedClient;
import io.keywarden.server.support.SignedClient.Response;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** ListUserSummaries on the REST face ({@code GET /v1/user-summaries}): paging, orders, search, denial, bad input. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UserSummariesRestApiTest extends ServerTestSupport {
    private static final List<String> SORTS = List.of("userName", "createDate", "activeKeyAge", "accessKeyLastUsed",
            "passwordAge", "consoleLastSignIn");
    private static final List<String> NAMES = List.of("sum-a", "sum-B", "sum-c", "sum-d", "sum-e");
    private String keyOfA;

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String quote(String s) {
        try {
            return new ObjectMapper().writeValueAsString(s);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @BeforeAll
    void users() {
        for (String name : NAMES) {
            Response r = root().post("/v1/users", "{\"userName\":\"" + name + "\"}");
            assertThat(r.status()).as(r.toString()).isEqualTo(201);
        }
        keyOfA = root().post("/v1/users/sum-a/access-keys", "{}").json().path("accessKeyId").asText();
        String second = root().post("/v1/users/sum-a/access-keys", "{}").json().path("accessKeyId").asText();
        assertThat(root().patch("/v1/users/sum-a/access-keys/" + second, "{\"status\":\"Inactive\"}").status())
                .isEqualTo(200);
        root().post("/v1/users/sum-c/access-keys", "{}");
        Response profile = root().post("/v1/users/sum-d/login-profile", "{\"password\":\"Correct-Horse-Battery-9\"}");
        assertThat(profile.status()).as(profile.toString()).isEqualTo(201);
    }

    private List<String> names(JsonNode page) {
        List<String> out = new ArrayList<>();
        page.path("users").forEach(u -> out.add(u.path("userName").asText()));
        return out;
    }

    private List<String> all(SignedClient client, String sort, String order, int size) {
        List<String> seen = new ArrayList<>();
        String marker = null;
        for (int guard = 0; guard < 50; guard++) {
            Response r = client.get("/v1/user-summaries?search=sum-&maxItems=" + size + "&sort=" + sort + "&order="
                    + order + (marker == null ? "" : "&marker=" + enc(marker)));
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            seen.addAll(names(r.json()));
            if (!r.json().path("isTruncated").asBoolean()) {
                assertThat(r.json().has("marker")).isFalse();
                return seen;
            }
            marker = r.json().path("marker").asText();
        }
        throw new AssertionError("paging did not end");
    }

    @Test
    void everyOrderPagesThroughEveryUserInBothDirections() {
        for (String sort : SORTS) {
            List<String> asc = all(root(), sort, "asc", 2);
            List<String> desc = all(root(), sort, "desc", 2);
            assertThat(asc).as(sort).containsExactlyInAnyOrderElementsOf(NAMES);
            List<String> reversed = new ArrayList<>(desc);
            java.util.Collections.reverse(reversed);
            assertThat(reversed).as(sort + ": desc is asc reversed").isEqualTo(asc);
        }
        assertThat(all(root(), "userName", "asc", 2)).containsExactlyElementsOf(NAMES);
        assertThat(all(root(), "createDate", "desc", 3)).containsExactly("sum-e", "sum-d", "sum-c", "sum-B", "sum-a");
        // ascending age: users without an Active key ("None") first, by name; then the youngest key (sum-c's)
        assertThat(all(root(), "activeKeyAge", "asc", 2)).containsExactly("sum-B", "sum-d", "sum-e", "sum-c", "sum-a");
        assertThat(all(root(), "passwordAge", "desc", 2).get(0)).isEqualTo("sum-d");
    }

    @Test
    void aRowShowsKeysWithStatusAgesAndThePassword() {
        Response r = root().get("/v1/user-summaries?search=SUM-&maxItems=10");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode a = r.json().path("users").get(0);
        assertThat(a.path("userName").asText()).isEqualTo("sum-a");
        assertThat(a.path("arn").asText()).matches("arn:aws:iam::\\d{12}:user/sum-a");
        assertThat(a.path("path").asText()).isEqualTo("/");
        assertThat(a.path("accessKeys")).hasSize(2);
        assertThat(a.path("accessKeys").get(0).path("accessKeyId").asText()).isEqualTo(keyOfA);
        assertThat(a.path("accessKeys").get(0).path("status").asText()).isEqualTo("Active");
        assertThat(a.path("accessKeys").get(1).path("status").asText()).isEqualTo("Inactive");
        assertThat(a.path("activeKeyAgeDays").asLong()).isZero();
        assertThat(a.path("passwordEnabled").asBoolean()).isFalse();
        assertThat(a.has("passwordAgeDays")).isFalse();
        JsonNode b = r.json().path("users").get(1);
        assertThat(b.path("accessKeys")).isEmpty();
        assertThat(b.has("activeKeyAgeDays")).isFalse();
        assertThat(b.path("accessKeyLastUsed").has("lastUsedDate")).isFalse();
        assertThat(b.path("accessKeyLastUsed").path("serviceName").asText()).isEqualTo("N/A");
        JsonNode d = r.json().path("users").get(3);
        assertThat(d.path("passwordEnabled").asBoolean()).isTrue();
        assertThat(d.path("passwordAgeDays").asLong()).isZero();
        assertThat(d.path("passwordLastChanged").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(d.has("consoleLastSignIn")).isFalse();
    }

    @Test
    void anAccessKeyIdInTheSearchFindsItsOwner() {
        Response r = root().get("/v1/user-summaries?search=" + keyOfA);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        assertThat(names(r.json())).containsExactly("sum-a");
        assertThat(r.json().path("isTruncated").asBoolean()).isFalse();
        assertThat(names(root().get("/v1/user-summaries?search=AKIAAAAAAAAAAAAAAAAA").json())).isEmpty();
        assertThat(names(root().get("/v1/user-summaries?search=nobody-here").json())).isEmpty();
    }

    @Test
    void badParametersAreA400InTheRestErrorFormat() {
        String otherOrder = root().get("/v1/user-summaries?maxItems=1&sort=createDate").json().path("marker").asText();
        for (String query : List.of("sort=age", "order=up", "maxItems=0", "maxItems=x", "marker=bm90LW91cnM",
                "marker=" + enc(otherOrder), "sort=createDate&order=desc&marker=" + enc(otherOrder),
                "search=" + "a".repeat(129))) {
            Response r = root().get("/v1/user-summaries?" + query);
            assertThat(r.status()).as(query + ": " + r).isEqualTo(400);
            assertThat(r.code()).as(query).isEqualTo("ValidationError");
            assertThat(r.json().path("message").asText()).as(query).isNotBlank();
        }
    }

    @Test
    void aCallerNeedsTheOperationsActionAndEveryReadItReveals() {
        root().post("/v1/users", "{\"userName\":\"viewer-of-sums\"}");
        JsonNode key = root().post("/v1/users/viewer-of-sums/access-keys", "{}").json();
        SignedClient viewer = as(key.path("accessKeyId").asText(), key.path("secretAccessKey").asText());
        Response none = viewer.get("/v1/user-summaries");
        assertThat(none.status()).as(none.toString()).isEqualTo(403);
        assertThat(none.code()).isEqualTo("AccessDenied");
        assertThat(none.json().path("message").asText()).contains("keywarden:ListUserSummaries");

        String partial = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":["
                + "\"keywarden:ListUserSummaries\",\"iam:ListUsers\",\"iam:ListAccessKeys\"],\"Resource\":\"*\"}]}";
        assertThat(root().send("PUT", "/v1/users/viewer-of-sums/policies/View", "application/json",
                ("{\"policyDocument\":" + quote(partial) + "}").getBytes(StandardCharsets.UTF_8)).status())
                .isEqualTo(204);
        Response some = viewer.get("/v1/user-summaries");
        assertThat(some.status()).as(some.toString()).isEqualTo(403);
        assertThat(some.json().path("message").asText()).contains("iam:GetAccessKeyLastUsed");

        String full = partial.replace("\"iam:ListAccessKeys\"",
                "\"iam:ListAccessKeys\",\"iam:GetAccessKeyLastUsed\",\"iam:GetLoginProfile\"");
        root().send("PUT", "/v1/users/viewer-of-sums/policies/View", "application/json",
                ("{\"policyDocument\":" + quote(full) + "}").getBytes(StandardCharsets.UTF_8));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(viewer.get("/v1/user-summaries?search=sum-a").status()).isEqualTo(200));
        assertThat(names(viewer.get("/v1/user-summaries?search=sum-a").json())).containsExactly("sum-a");
    }
}
