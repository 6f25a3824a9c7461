package io.keywarden.server.cluster;

import io.keywarden.server.support.SignedClient;
import io.keywarden.server.support.SignedClient.Response;
import io.keywarden.server.support.SlowTest;
import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two server instances on loopback sharing one PostgreSQL database (two Micronaut contexts in this JVM, each with
 * its own caches, scheduler and data folder): what one node changes, the other sees within a second, with its
 * authentication path still served from memory. The measured delays are printed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SlowTest
class TwoNodesOnPostgresTest {
    private static final Duration BOUND = Duration.ofSeconds(1);
    private TwoNodes nodes;
    private EmbeddedServer nodeA;
    private EmbeddedServer nodeB;
    private final List<Long> delaysMillis = Collections.synchronizedList(new ArrayList<>());
    private static final String ACCOUNT = "210987654321";

    @BeforeAll
    void startTwoNodes() throws IOException {
        // the credential cache would hide a change for 30 s on its own: only the change feed can make it in time
        nodes = TwoNodes.start(ACCOUNT, Map.of("keywarden.last-used.flush-interval", "100ms",
                "keywarden.auth.key-cache-ttl", "10m", "keywarden.auth.policy-cache-ttl", "10m"), name -> Map.of());
        nodeA = nodes.a;
        nodeB = nodes.b;
    }

    @AfterAll
    void stop() {
        if (!delaysMillis.isEmpty()) {
            System.out.println("cross-node propagation delays (ms), " + summary(delaysMillis));
        }
        if (nodes != null) {
            nodes.close();
        }
    }

    private static URI uri(EmbeddedServer s) {
        return TwoNodes.uri(s);
    }

    private static SignedClient root(EmbeddedServer s) {
        return TwoNodes.root(s);
    }

    private String[] newKey(String user) {
        assertThat(root(nodeA).post("/v1/users", "{\"userName\":\"" + user + "\"}").status()).isEqualTo(201);
        Response key = root(nodeA).post("/v1/users/" + user + "/access-keys", null);
        assertThat(key.status()).isEqualTo(201);
        return new String[]{key.json().path("accessKeyId").asText(), key.json().path("secretAccessKey").asText()};
    }

    /** Polls {@code client} on node B every 5 ms until it answers {@code status}; returns the time it took. */
    private long millisUntil(SignedClient client, int status, String code) {
        return millisUntil(client, "/v1/caller-identity", status, code);
    }

    private long millisUntil(SignedClient client, String path, int status, String code) {
        long start = System.nanoTime();
        await("node B answers " + status + " " + code).atMost(BOUND).pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(5))
                .until(() -> client.get(path), r -> r.status() == status && (code == null || code.equals(r.code())));
        long elapsed = (System.nanoTime() - start) / 1_000_000;
        delaysMillis.add(elapsed);
        return elapsed;
    }

    /** Polls GET {@code path} through {@code client} until it answers 403 AccessDenied; returns the time it took. */
    private static long millisUntilDenied(SignedClient client, String path, Duration bound) {
        long start = System.nanoTime();
        await("node B denies").atMost(bound).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(20)).until(() -> {
            Response r = client.get(path);
            if (r.status() == 403 && "AccessDenied".equals(r.code())) {
                return true;
            }
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            return false;
        });
        return (System.nanoTime() - start) / 1_000_000;
    }

    @Test
    void policyDeletedOnOneNodeDeniesOnTheOther() throws Exception {
        String user = "policy-user";
        String[] key = newKey(user);
        String document = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"ListOwn\",\"Effect\":\"Allow\","
                + "\"Action\":\"iam:ListAccessKeys\",\"Resource\":\"arn:aws:iam::*:user/${aws:username}\"}]}";
        String body = "{\"policyDocument\":" + com.fasterxml.jackson.databind.json.JsonMapper.builder().build()
                .writeValueAsString(document) + "}";
        assertThat(root(nodeA).send("PUT", "/v1/users/" + user + "/policies/ListOwn", "application/json",
                body.getBytes(java.nio.charset.StandardCharsets.UTF_8)).status()).isEqualTo(204);
        SignedClient onB = SignedClient.of(uri(nodeB), key[0], key[1]);
        String path = "/v1/users/" + user + "/access-keys";
        Response allowed = onB.get(path);
        assertThat(allowed.status()).as(allowed.toString()).isEqualTo(200);

        assertThat(root(nodeA).delete("/v1/users/" + user + "/policies/ListOwn").status()).isEqualTo(204);
        // the deletion reaches node B through the change log (polled every 200 ms), not the policy cache's TTL
        long took = millisUntilDenied(onB, path, BOUND);
        delaysMillis.add(took);
        System.out.println("policy deletion on node A denied on node B after " + took + " ms");
    }

    @Test
    void consoleSessionSignedOutOnOneNodeIsRefusedByTheOther() {
        String[] key = newKey("console-user");
        Response signedIn = SignedClient.of(uri(nodeA), key[0], key[1]).post("/v1/console/sign-in", "{}");
        assertThat(signedIn.status()).as(signedIn.toString()).isEqualTo(200);
        com.fasterxml.jackson.databind.JsonNode c = signedIn.json().path("credentials");
        SignedClient onA = SignedClient.of(uri(nodeA), c.path("accessKeyId").asText(),
                c.path("secretAccessKey").asText(), c.path("sessionToken").asText());
        SignedClient onB = SignedClient.of(uri(nodeB), c.path("accessKeyId").asText(),
                c.path("secretAccessKey").asText(), c.path("sessionToken").asText());
        assertThat(onB.get("/v1/caller-identity").status()).isEqualTo(200);

        assertThat(onA.post("/v1/console/sign-out", "{}").status()).isEqualTo(204);
        millisUntil(onB, 403, "InvalidClientTokenId");
    }

    @Test
    void keyCreatedOnOneNodeWorksOnTheOther() {
        String[] key = newKey("created-on-a");
        Response onB = SignedClient.of(uri(nodeB), key[0], key[1]).get("/v1/caller-identity");
        assertThat(onB.status()).isEqualTo(200);
        assertThat(onB.json().path("arn").asText()).endsWith(":user/created-on-a");
    }

    @Test
    void keyDeactivatedOnOneNodeIsRefusedByTheOtherWithinOneSecondAndAcceptedAgainAfterReactivation() {
        for (int i = 0; i < 5; i++) {
            String user = "deactivated-" + i;
            String[] key = newKey(user);
            SignedClient onB = SignedClient.of(uri(nodeB), key[0], key[1]);
            assertThat(onB.get("/v1/caller-identity").status()).as("cached on B").isEqualTo(200);

            assertThat(root(nodeA).patch("/v1/users/" + user + "/access-keys/" + key[0], "{\"status\":\"Inactive\"}")
                    .status()).isEqualTo(200);
            millisUntil(onB, 403, "InvalidClientTokenId");

            assertThat(root(nodeA).patch("/v1/users/" + user + "/access-keys/" + key[0], "{\"status\":\"Active\"}")
                    .status()).isEqualTo(200);
            millisUntil(onB, 200, null);
        }
    }

    @Test
    void keyDeletedOnOneNodeIsRefusedByTheOtherWithinOneSecond() {
        for (int i = 0; i < 5; i++) {
            String user = "deleted-" + i;
            String[] key = newKey(user);
            SignedClient onB = SignedClient.of(uri(nodeB), key[0], key[1]);
            assertThat(onB.get("/v1/caller-identity").status()).isEqualTo(200);
            assertThat(root(nodeA).delete("/v1/users/" + user + "/access-keys/" + key[0]).status()).isEqualTo(204);
            millisUntil(onB, 403, "InvalidClientTokenId");
        }
    }

    @Test
    void lastUsedFromBothNodesMergesLatestWins() throws InterruptedException {
        String[] key = newKey("both-nodes");
        SignedClient.of(uri(nodeA), key[0], key[1]).withScope("eu-west-1", "iam").get("/v1/caller-identity");
        Thread.sleep(20);
        SignedClient.of(uri(nodeB), key[0], key[1]).withScope("ap-south-1", "sts").get("/v1/caller-identity");
        Response last = await().atMost(Duration.ofSeconds(5)).pollDelay(Duration.ofMillis(50))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> root(nodeA).get("/v1/access-keys/" + key[0] + "/last-used"),
                        r -> "ap-south-1".equals(r.json().path("accessKeyLastUsed").path("region").asText()));
        assertThat(last.json().path("accessKeyLastUsed").path("region").asText()).as(last.body()).isEqualTo("ap-south-1");
        assertThat(last.json().path("accessKeyLastUsed").path("serviceName").asText()).isEqualTo("sts");
    }

    private static final String LIST_USERS = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":\"iam:ListUsers\",\"Resource\":\"*\"}]}";

    private static String json(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Test
    void inlinePolicyDeletedOnOneNodeDeniesOnTheOtherWithinOneSecond() {
        String[] key = newKey("inline-reader");
        assertThat(root(nodeA).send("PUT", "/v1/users/inline-reader/policies/ListUsers", "application/json",
                ("{\"policyDocument\":" + json(LIST_USERS) + "}").getBytes(StandardCharsets.UTF_8)).status())
                .isEqualTo(204);
        SignedClient onB = SignedClient.of(uri(nodeB), key[0], key[1]);
        assertThat(onB.get("/v1/users").status()).as("allowed on B, which now holds the compiled policy").isEqualTo(200);
        assertThat(root(nodeA).delete("/v1/users/inline-reader/policies/ListUsers").status()).isEqualTo(204);
        millisUntil(onB, "/v1/users", 403, "AccessDenied");
    }

    @Test
    void managedPolicyDetachedAndDeletedOnOneNodeDeniesOnTheOtherWithinOneSecond() {
        String[] key = newKey("managed-reader");
        Response created = root(nodeA).post("/v1/policies", "{\"policyName\":\"ReadUsers\",\"policyDocument\":"
                + json(LIST_USERS) + "}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String arn = created.json().path("arn").asText();
        assertThat(root(nodeA).send("PUT", "/v1/users/managed-reader/attached-policies", "application/json",
                ("{\"policyArn\":" + json(arn) + "}").getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(204);
        SignedClient onB = SignedClient.of(uri(nodeB), key[0], key[1]);
        assertThat(onB.get("/v1/users").status()).as("allowed on B").isEqualTo(200);
        String encoded = URLEncoder.encode(arn, StandardCharsets.UTF_8);
        assertThat(root(nodeA).delete("/v1/users/managed-reader/attached-policies/" + encoded).status())
                .isEqualTo(204);
        assertThat(root(nodeA).delete("/v1/policies/" + encoded).status()).isEqualTo(204);
        millisUntil(onB, "/v1/users", 403, "AccessDenied");
    }

    // ---------------------------------------------------------------- revoking sessions (issue 13)

    private static final int REVOCATIONS = 20;
    private static final String ALLOW_LIST_USERS = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
            + "\"Action\":\"iam:ListUsers\",\"Resource\":\"*\"}]}";

    /** "sorted: [...]; median M, max X" of {@code millis}. */
    private static String summary(List<Long> millis) {
        List<Long> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        return "sorted: " + sorted + "; median " + sorted.get((sorted.size() - 1) / 2) + ", max "
                + sorted.get(sorted.size() - 1);
    }

    private static SignedClient session(EmbeddedServer node, Response issued) {
        assertThat(issued.status()).as(issued.toString()).isEqualTo(200);
        com.fasterxml.jackson.databind.JsonNode c = issued.json().path("credentials");
        assertThat(c.path("accessKeyId").asText()).startsWith("ASIA");
        return SignedClient.of(uri(node), c.path("accessKeyId").asText(), c.path("secretAccessKey").asText(),
                c.path("sessionToken").asText());
    }

    /**
     * Revokes through {@code revoke} on node A and returns how long after that call returned node B first denied the
     * session (polled every 5 ms, at most one second).
     */
    private static long millisUntilRevokedOnB(Runnable revoke, SignedClient sessionOnB, String path) {
        revoke.run();
        long start = System.nanoTime();
        await("node B denies the revoked session").atMost(BOUND).pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(5)).until(() -> {
                    Response r = sessionOnB.get(path);
                    if (r.status() == 403 && "AccessDenied".equals(r.code())) {
                        return true;
                    }
                    assertThat(r.status()).as("still allowed until revoked: " + r).isEqualTo(200);
                    return false;
                });
        return (System.nanoTime() - start) / 1_000_000;
    }

    @Test
    void roleSessionsRevokedOnOneNodeAreDeniedByTheOtherWithinOneSecond() {
        String[] assumer = newKey("role-assumer");
        SignedClient assumerOnA = SignedClient.of(uri(nodeA), assumer[0], assumer[1]).withScope("us-east-1", "sts");
        String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
                + "\"arn:aws:iam::" + ACCOUNT + ":user/role-assumer\"},\"Action\":\"sts:AssumeRole\"}]}";
        List<Long> latencies = new ArrayList<>();
        for (int i = 0; i < REVOCATIONS; i++) {
            String role = "revocable-" + i;
            Response created = root(nodeA).post("/v1/roles", "{\"roleName\":\"" + role
                    + "\",\"assumeRolePolicyDocument\":" + json(trust) + "}");
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            assertThat(root(nodeA).send("PUT", "/v1/roles/" + role + "/policies/ListUsers", "application/json",
                    ("{\"policyDocument\":" + json(ALLOW_LIST_USERS) + "}").getBytes(StandardCharsets.UTF_8))
                    .status()).isEqualTo(204);
            Response issued = assumerOnA.post("/v1/sts/assume-role", "{\"roleArn\":"
                    + json(created.json().path("arn").asText()) + ",\"roleSessionName\":\"s" + i + "\"}");
            SignedClient onA = session(nodeA, issued);
            SignedClient onB = session(nodeB, issued);
            assertThat(onA.get("/v1/users").status()).as("the role session works on node A").isEqualTo(200);
            Response before = onB.get("/v1/users");
            assertThat(before.status()).as("and on node B, which now holds the role's policies: " + before)
                    .isEqualTo(200);
            assertThat(onB.get("/v1/caller-identity").json().path("arn").asText())
                    .isEqualTo("arn:aws:sts::" + ACCOUNT + ":assumed-role/" + role + "/s" + i);

            latencies.add(millisUntilRevokedOnB(() -> assertThat(root(nodeA)
                    .post("/v1/roles/" + role + "/revoke-sessions", null).status()).isEqualTo(204), onB, "/v1/users"));
            assertThat(onA.get("/v1/users").code()).as("denied on node A too").isEqualTo("AccessDenied");
        }
        System.out.println("role session revoked on node A, denied on node B after (ms), " + REVOCATIONS
                + " revocations, " + summary(latencies));
        delaysMillis.addAll(latencies);
    }

    @Test
    void userSessionsRevokedOnOneNodeAreDeniedByTheOtherWithinOneSecond() {
        // a GetSessionToken session may call no IAM action without MFA (docs/sessions.md), so what its user's policy
        // grants it here is LookupEvents (cloudtrail:LookupEvents), GET /v1/audit-events
        String lookup = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Action\":\"cloudtrail:LookupEvents\",\"Resource\":\"*\"}]}";
        String path = "/v1/audit-events?maxItems=1";
        List<Long> latencies = new ArrayList<>();
        for (int i = 0; i < REVOCATIONS; i++) {
            String user = "session-user-" + i;
            String[] key = newKey(user);
            assertThat(root(nodeA).send("PUT", "/v1/users/" + user + "/policies/Lookup", "application/json",
                    ("{\"policyDocument\":" + json(lookup) + "}").getBytes(StandardCharsets.UTF_8)).status())
                    .isEqualTo(204);
            SignedClient longTermOnB = SignedClient.of(uri(nodeB), key[0], key[1]);
            Response issued = SignedClient.of(uri(nodeA), key[0], key[1]).withScope("us-east-1", "sts")
                    .post("/v1/sts/session-token", "{}");
            SignedClient onB = session(nodeB, issued);
            Response before = onB.get(path);
            assertThat(before.status()).as("the session works on node B: " + before).isEqualTo(200);

            latencies.add(millisUntilRevokedOnB(() -> assertThat(root(nodeA)
                    .post("/v1/users/" + user + "/revoke-sessions", null).status()).isEqualTo(204), onB, path));
            assertThat(longTermOnB.get(path).status()).as("the user's long-term key has no issue time: unaffected")
                    .isEqualTo(200);
        }
        System.out.println("user (GetSessionToken) session revoked on node A, denied on node B after (ms), "
                + REVOCATIONS + " revocations, " + summary(latencies));
        delaysMillis.addAll(latencies);
    }
}
