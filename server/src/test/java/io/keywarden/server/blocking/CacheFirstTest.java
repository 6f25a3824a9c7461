package io.keywarden.server.blocking;

import io.keywarden.core.identity.Account;
import io.keywarden.core.port.UserStore;
import io.keywarden.server.cache.CachingAccessKeyStore;
import io.keywarden.server.support.LogCapture;
import io.keywarden.server.support.ServerTestSupport;
import io.keywarden.server.support.SignedClient;
import io.keywarden.server.support.SignedClient.Response;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.netty.channel.DefaultEventLoop;
import io.netty.util.concurrent.DefaultThreadFactory;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
/**
 * Cache-first, end to end: what is in memory is answered from memory and follows every change; what is not is loaded
 * off the event loop; and no request ever takes a JDBC connection on an event loop (the counter that proves the
 * database stays off the hot path).
 */
class CacheFirstTest extends ServerTestSupport {
    @Inject
    UserStore users;
    @Inject
    Account account;
    @Inject
    CachingAccessKeyStore keys;

    /** JSON string quoting for the test's documents. */
    private static final class JsonText {
        static String quote(String s) {
            return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }
    }

    @Test
    void listingOnesKeysFromMemoryFollowsEveryChange() {
        SignedClient root = root();
        assertThat(root.post("/v1/users", "{\"userName\":\"carol\"}").status()).isEqualTo(201);
        Response created = root.post("/v1/users/carol/access-keys", null);
        SignedClient carol = as(created.json().path("accessKeyId").asText(),
                created.json().path("secretAccessKey").asText());
        String first = created.json().path("accessKeyId").asText();

        // root lists its own keys: from the database once, then from memory
        for (int i = 0; i < 3; i++) {
            Response own = root.get("/v1/users/~/access-keys");
            assertThat(own.status()).as(own.toString()).isEqualTo(200);
            assertThat(own.json().path("accessKeys")).hasSize(1);
        }
        assertThat(keys.cachedLists()).isPositive();

        Response second = root.post("/v1/users/carol/access-keys", null);
        String secondId = second.json().path("accessKeyId").asText();
        assertThat(root.get("/v1/users/carol/access-keys").json().path("accessKeys")).hasSize(2);
        assertThat(root.patch("/v1/users/carol/access-keys/" + first, "{\"status\":\"Inactive\"}").status())
                .isEqualTo(200);
        Response afterUpdate = root.get("/v1/users/carol/access-keys");
        assertThat(afterUpdate.json().path("accessKeys").findValuesAsText("status"))
                .containsExactlyInAnyOrder("Inactive", "Active");
        assertThat(root.delete("/v1/users/carol/access-keys/" + first).status()).isEqualTo(204);
        assertThat(root.get("/v1/users/carol/access-keys").json().path("accessKeys").findValuesAsText("accessKeyId"))
                .containsExactly(secondId);
        assertThat(carol.get("/v1/caller-identity").status()).isEqualTo(403);
    }

    @Test
    void anIamUsersFirstListingLoadsItsPoliciesOffTheEventLoopWithoutASpuriousDenial() {
        SignedClient root = root();
        assertThat(root.post("/v1/users", "{\"userName\":\"erin\"}").status()).isEqualTo(201);
        Response created = root.post("/v1/users/erin/access-keys", null);
        SignedClient erin = as(created.json().path("accessKeyId").asText(),
                created.json().path("secretAccessKey").asText());
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Action\":\"iam:ListAccessKeys\",\"Resource\":\"arn:aws:iam::*:user/${aws:username}\"}]}";
        Response put = root.send("PUT", "/v1/users/erin/policies/OwnKeys", "application/json",
                ("{\"policyDocument\":" + JsonText.quote(policy) + "}").getBytes(StandardCharsets.UTF_8));
        assertThat(put.status()).as(put.toString()).isEqualTo(204);
        assertThat(erin.get("/v1/caller-identity").status()).isEqualTo(200); // the credential is now cached

        try (LogCapture log = LogCapture.attach()) {
            for (int i = 0; i < 3; i++) {
                Response rest = erin.get("/v1/users/~/access-keys");
                assertThat(rest.status()).as(rest.toString()).isEqualTo(200);
                Response query = erin.send("POST", "/", "application/x-www-form-urlencoded",
                        "Action=ListAccessKeys&Version=2010-05-08".getBytes(StandardCharsets.UTF_8));
                assertThat(query.status()).as(query.toString()).isEqualTo(200);
                assertThat(query.body()).contains(created.json().path("accessKeyId").asText());
            }
            assertThat(log.text()).doesNotContain("Deny").doesNotContain("asked for on an event loop");
        }
    }

    @Test
    void aJdbcConnectionOnAnEventLoopIsCounted() throws Exception {
        long before = BlockingGuard.eventLoopConnections();
        DefaultEventLoop loop = new DefaultEventLoop();
        try {
            loop.submit(() -> users.findById(account.id(), "AIDANOSUCHUSER0000001")).get(10, TimeUnit.SECONDS);
        } finally {
            loop.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        }
        assertThat(BlockingGuard.eventLoopConnections()).isEqualTo(before + 1);
    }

    @Test
    void noRequestTakesAJdbcConnectionOnAnEventLoop() {
        long before = BlockingGuard.eventLoopConnections();
        SignedClient root = root();
        root.post("/v1/users", "{\"userName\":\"dave\"}");
        root.post("/v1/users/dave/access-keys", null);
        root.get("/v1/users");
        root.get("/v1/users/dave");
        root.get("/v1/users/dave/access-keys");
        root.get("/v1/users/~/access-keys");
        root.get("/v1/caller-identity");
        anonymous().get("/health");
        assertThat(BlockingGuard.eventLoopConnections()).isEqualTo(before);
    }
}
