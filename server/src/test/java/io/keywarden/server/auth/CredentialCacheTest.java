package io.keywarden.server.auth;

import io.keywarden.core.auth.CredentialResolver;
import io.keywarden.core.auth.ResolvedCredential;
import io.keywarden.core.crypto.MasterKey;
import io.keywarden.core.crypto.SecretSealer;
import io.keywarden.core.identity.AccountId;
import io.keywarden.core.keys.AccessKey;
import io.keywarden.core.keys.AccessKeyId;
import io.keywarden.core.keys.KeyOwner;
import io.keywarden.core.keys.KeyStatus;
import io.keywarden.core.keys.SecretAccessKey;
import io.keywarden.core.port.StoredAccessKey;
import io.keywarden.core.sigv4.SigningKeyCache;
import io.keywarden.server.settings.KeywardenConfig;
import io.keywarden.server.support.FakeStores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;

class CredentialCacheTest {
    private static final AccountId ACCOUNT = AccountId.of("123456789012");
    private final SecureRandom random = new SecureRandom();
    private final SecretSealer sealer = SecretSealer.create(MasterKey.of(1, new byte[32]), random);
    private final FakeStores.Keys keys = new FakeStores.Keys();
    private final ExecutorService blocking = Executors.newCachedThreadPool(r -> new Thread(r, "test-blocking"));

    @AfterEach
    void shutdown() {
        blocking.shutdownNow();
    }

    private CredentialCache cache(Duration ttl) {
        KeywardenConfig.Auth auth = new KeywardenConfig.Auth();
        auth.setKeyCacheTtl(ttl);
        return new CredentialCache(new CredentialResolver(ACCOUNT, new FakeStores.Users(), keys, sealer), auth,
                SigningKeyCache.create(), blocking);
    }

    private AccessKeyId addRootKey(KeyStatus status) {
        AccessKeyId id = AccessKeyId.generate(ACCOUNT, random);
        SecretAccessKey secret = SecretAccessKey.generate(random);
        keys.keys.put(id, new StoredAccessKey(new AccessKey(id, ACCOUNT, KeyOwner.root(ACCOUNT), status,
                Instant.now(), null), sealer.seal(id, secret)));
        return id;
    }

    @Test
    void aKnownKeyIsReadOnceAndThenServedFromMemory() {
        CredentialCache cache = cache(Duration.ofMinutes(1));
        AccessKeyId id = addRootKey(KeyStatus.ACTIVE);
        Optional<ResolvedCredential> first = cache.get(id.value()).join();
        assertThat(first).isPresent();
        assertThat(keys.finds.get()).isEqualTo(1);
        assertThat(keys.lastFindThread).as("misses load on the blocking executor").isEqualTo("test-blocking");
        for (int i = 0; i < 100; i++) {
            assertThat(cache.get(id.value())).isCompleted();
            assertThat(cache.get(id.value()).join()).isPresent();
        }
        assertThat(keys.finds.get()).as("cache hits touch no store").isEqualTo(1);
    }

    @Test
    void unknownAndInactiveKeysAreRememberedUntilAChangeIsSignalled() {
        CredentialCache cache = cache(Duration.ofMinutes(1));
        AccessKeyId inactive = addRootKey(KeyStatus.INACTIVE);
        assertThat(cache.get(inactive.value()).join()).isEmpty();
        keys.updateStatus(inactive, KeyStatus.ACTIVE);
        assertThat(cache.get(inactive.value()).join()).as("not yet told").isEmpty();
        cache.accessKeyChanged(inactive);
        assertThat(cache.get(inactive.value()).join()).isPresent();
        keys.updateStatus(inactive, KeyStatus.INACTIVE);
        cache.accessKeyChanged(inactive);
        assertThat(cache.get(inactive.value()).join()).isEmpty();
        assertThat(cache.get("AKIAQYLPMN5HHHFPZZZZ").join()).isEmpty();
        assertThat(cache.get("not a key id").join()).isEmpty();
    }

    @Test
    void entriesExpireAfterTheTtl() throws InterruptedException {
        CredentialCache cache = cache(Duration.ofMillis(50));
        AccessKeyId id = addRootKey(KeyStatus.ACTIVE);
        assertThat(cache.get(id.value()).join()).isPresent();
        keys.delete(id); // e.g. by another server sharing the database: no signal here
        Thread.sleep(120);
        assertThat(cache.get(id.value()).join()).isEmpty();
    }
}
