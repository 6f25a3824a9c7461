package io.keywarden.server.blocking;

import io.keywarden.core.identity.Account;
import io.keywarden.core.port.UserStore;
import io.keywarden.server.cache.CachingAccessKeyStore;
import io.keywarden.server.support.ServerTestSupport;
import io.keywarden.server.support.SignedClient;
import io.keywarden.server.support.SignedClient.Response;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.netty.channel.DefaultEventLoop;
import io.netty.util.concurrent.DefaultThreadFactory;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EventLoopFirstTest extends ServerTestSupport {
    @Inject
    EventLoopFirst eventLoopFirst;
    @Inject
    UserStore users;
    @Inject
    Account account;
    @Inject
    CachingAccessKeyStore keys;

    @Test
    void workThatNeedsTheDatabaseMovesToTheBlockingExecutorBeforeAnyIo() throws Exception {
        long before = BlockingGuard.eventLoopConnections();
        CompletableFuture<Thread> ran = onAnEventLoop(() -> eventLoopFirst.supply(() -> {
            users.findById(account.id(), "AIDANOSUCHUSER0000001");
            return Thread.currentThread();
        }));
        assertThat(ran.get(10, TimeUnit.SECONDS).getName()).doesNotContain("eventLoop");
        assertThat(BlockingGuard.eventLoopConnections()).isEqualTo(before);
    }

    @Test
    void workServedFromMemoryStaysOnTheEventLoop() throws Exception {
        CompletableFuture<Thread> ran = onAnEventLoop(() -> eventLoopFirst.supply(Thread::currentThread));
        assertThat(ran.get(10, TimeUnit.SECONDS).getName()).contains("eventLoop");
    }

    @Test
    void offTheEventLoopTheWorkSimplyRuns() throws Exception {
        Thread caller = Thread.currentThread();
        assertThat(eventLoopFirst.supply(() -> {
            users.findById(account.id(), "AIDANOSUCHUSER0000001");
            return Thread.currentThread();
        }).get()).isSameAs(caller);
    }

    @Test
    void failuresOfTheFirstAttemptAreTheResult() throws Exception {
        CompletableFuture<Object> failed = onAnEventLoop(() -> eventLoopFirst.supply(() -> {
            throw new IllegalStateException("boom");
        }));
        assertThatThrownBy(() -> failed.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(IllegalStateException.class);
    }

    /** Calls {@code start} on a Netty event loop (named like Micronaut's) and returns the future it gives. */
    private static <T> CompletableFuture<T> onAnEventLoop(Supplier<CompletableFuture<T>> start) throws Exception {
        DefaultEventLoop loop = new DefaultEventLoop(new DefaultThreadFactory("test-eventLoop"));
        try {
            return loop.submit(start::get).get(10, TimeUnit.SECONDS);
        } finally {
            loop.shutdownGracefully(0, 1, TimeUnit.SECONDS);
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
            Response own = root.get("/v1/users/me/access-keys");
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
        root.get("/v1/users/me/access-keys");
        root.get("/v1/caller-identity");
        anonymous().get("/health");
        assertThat(BlockingGuard.eventLoopConnections()).isEqualTo(before);
    }
}
