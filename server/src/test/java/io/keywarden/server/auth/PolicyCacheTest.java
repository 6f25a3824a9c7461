package io.keywarden.server.auth;

import io.keywarden.core.identity.AccountId;
import io.keywarden.core.identity.User;
import io.keywarden.core.identity.UserName;
import io.keywarden.core.identity.UserPath;
import io.keywarden.core.permissions.PolicyAuthorizer;
import io.keywarden.core.policy.CompiledPolicy;
import io.netty.channel.DefaultEventLoop;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PolicyCacheTest {
    private static final AccountId ACCOUNT = AccountId.of("123456789012");
    private static final String DOC = "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\","
            + "\"Action\":\"iam:GetUser\",\"Resource\":\"*\"}}";

    private final AtomicLong nanos = new AtomicLong();
    private final AtomicInteger loads = new AtomicInteger();
    private volatile boolean onEventLoop;

    private static User user(String name) {
        return new User(ACCOUNT, "AIDA" + name.toUpperCase() + "0000000000000".substring(name.length()),
                UserName.of(name), UserPath.ROOT, Instant.EPOCH);
    }

    private PolicyCache cache(PolicyAuthorizer.PolicySource source) {
        return new PolicyCache(source, Duration.ofSeconds(1), 100, nanos::get, () -> onEventLoop);
    }

    private PolicyCache countingCache() {
        return cache(u -> {
            loads.incrementAndGet();
            return List.of(CompiledPolicy.parse(u.userName().value() + "-" + loads.get(), DOC));
        });
    }

    @Test
    void policiesAreLoadedOnceAndServedFromMemory() {
        PolicyCache cache = countingCache();
        List<CompiledPolicy> first = cache.policiesFor(user("alice"));
        assertThat(cache.policiesFor(user("alice"))).isSameAs(first);
        assertThat(loads).hasValue(1);
        cache.policiesFor(user("bob"));
        assertThat(loads).hasValue(2);
    }

    @Test
    void aChangeToOneUserForgetsThatUserOnlyAndAGlobalChangeForgetsEveryone() {
        PolicyCache cache = countingCache();
        User alice = user("alice");
        User bob = user("bob");
        cache.policiesFor(alice);
        cache.policiesFor(bob);
        cache.userPoliciesChanged(alice.userId());
        cache.policiesFor(alice);
        cache.policiesFor(bob);
        assertThat(loads).hasValue(3);
        cache.allPoliciesChanged();
        cache.policiesFor(alice);
        cache.policiesFor(bob);
        assertThat(loads).hasValue(5);
    }

    @Test
    void entriesExpireAfterTheCacheTime() {
        PolicyCache cache = countingCache();
        cache.policiesFor(user("alice"));
        nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(999));
        cache.policiesFor(user("alice"));
        assertThat(loads).hasValue(1);
        nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(2));
        cache.policiesFor(user("alice"));
        assertThat(loads).hasValue(2);
    }

    @Test
    void aLoadThatWasInvalidatedWhileInFlightIsNotKept() throws Exception {
        CountDownLatch loading = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        PolicyCache cache = cache(u -> {
            if (loads.incrementAndGet() == 1) {
                loading.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return List.of(CompiledPolicy.parse("stale", DOC));
            }
            return List.of(CompiledPolicy.parse("fresh", DOC));
        });
        User alice = user("alice");
        CompletableFuture<List<CompiledPolicy>> slow = CompletableFuture.supplyAsync(() -> cache.policiesFor(alice));
        assertThat(loading.await(5, TimeUnit.SECONDS)).isTrue();
        cache.userPoliciesChanged(alice.userId()); // the change committed while the old state was being read
        release.countDown();
        assertThat(slow.get(5, TimeUnit.SECONDS).get(0).name()).isEqualTo("stale");
        assertThat(cache.policiesFor(alice).get(0).name()).isEqualTo("fresh");
        assertThat(loads).hasValue(2);
    }

    @Test
    void failedLoadsAreNotCached() {
        PolicyCache cache = cache(u -> {
            if (loads.incrementAndGet() == 1) {
                throw new IllegalStateException("database down");
            }
            return List.of();
        });
        assertThatThrownBy(() -> cache.policiesFor(user("alice"))).isInstanceOf(IllegalStateException.class)
                .hasMessage("database down");
        assertThat(cache.policiesFor(user("alice"))).isEmpty();
        assertThat(loads).hasValue(2);
    }

    @Test
    void onAnEventLoopAMissIsRefusedButAHitIsServed() {
        PolicyCache cache = countingCache();
        cache.policiesFor(user("alice"));
        onEventLoop = true;
        assertThat(cache.policiesFor(user("alice"))).hasSize(1);
        assertThatThrownBy(() -> cache.policiesFor(user("bob"))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("event loop");
        assertThat(loads).hasValue(1);
    }

    @Test
    void nettyEventLoopThreadsAreRecognised() throws Exception {
        assertThat(PolicyCache.onNettyEventLoop()).isFalse();
        DefaultEventLoop loop = new DefaultEventLoop();
        try {
            assertThat(loop.submit(PolicyCache::onNettyEventLoop).get(5, TimeUnit.SECONDS)).isTrue();
        } finally {
            loop.shutdownGracefully(0, 1, TimeUnit.SECONDS);
        }
    }

    @Test
    void aPolicyAuthorizerDeniesWithTheReasonWhenTheCacheRefuses() {
        PolicyCache cache = countingCache();
        onEventLoop = true;
        var result = new PolicyAuthorizer(cache, io.keywarden.core.policy.PolicyEvaluator.create()).authorize(
                new io.keywarden.core.authz.AuthorizationRequest(new io.keywarden.core.auth.Caller(
                        io.keywarden.core.identity.Principal.user(user("carol")), "AKIAEXAMPLEEXAMPLE00", Instant.EPOCH,
                        "127.0.0.1", "", false, "us-east-1", "iam"), "iam:GetUser", "*"));
        assertThat(result.allowed()).isFalse();
        assertThat(result.explanation()).contains("could not be loaded").contains("event loop");
    }
}
