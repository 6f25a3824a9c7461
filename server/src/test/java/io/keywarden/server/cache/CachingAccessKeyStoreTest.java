package io.keywarden.server.cache;

import io.keywarden.core.identity.AccountId;
import io.keywarden.core.identity.UserName;
import io.keywarden.core.keys.AccessKey;
import io.keywarden.core.keys.AccessKeyId;
import io.keywarden.core.keys.KeyOwner;
import io.keywarden.core.keys.KeyStatus;
import io.keywarden.core.port.AccessKeyStore;
import io.keywarden.core.port.StoredAccessKey;
import io.keywarden.core.testing.InMemoryAccessKeyStore;
import io.keywarden.server.settings.KeywardenConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class CachingAccessKeyStoreTest {
    private static final AccountId ACCOUNT = AccountId.of("123456789012");
    private static final KeyOwner ALICE = KeyOwner.user("AIDAALICE0000000000001", UserName.of("alice"));
    private static final KeyOwner BOB = KeyOwner.user("AIDABOB00000000000001", UserName.of("bob"));

    private final Counting database = new Counting();
    private final CachingAccessKeyStore store = new CachingAccessKeyStore((AccessKeyStore) database, auth(Duration.ofMinutes(1)));

    @Test
    void aListedOwnerIsListedAgainFromMemory() {
        insert("AKIAQYLPMN5HAAAAAAA1", ALICE);
        assertThat(ids(store.listByOwnerForListing(ACCOUNT, ALICE.id()))).containsExactly("AKIAQYLPMN5HAAAAAAA1");
        assertThat(ids(store.listByOwnerForListing(ACCOUNT, ALICE.id()))).containsExactly("AKIAQYLPMN5HAAAAAAA1");
        assertThat(database.lists.get()).isEqualTo(1);
    }

    @Test
    void checksThatMustSeeTheDatabaseAlwaysReadIt() {
        store.listByOwnerForListing(ACCOUNT, ALICE.id());
        store.listByOwner(ACCOUNT, ALICE.id());
        store.listByOwner(ACCOUNT, ALICE.id());
        assertThat(database.lists.get()).isEqualTo(3);
    }

    @Test
    void aNewKeyShowsAtOnce() {
        store.listByOwnerForListing(ACCOUNT, ALICE.id());
        insert("AKIAQYLPMN5HAAAAAAA2", ALICE);
        assertThat(ids(store.listByOwnerForListing(ACCOUNT, ALICE.id()))).containsExactly("AKIAQYLPMN5HAAAAAAA2");
    }

    @Test
    void statusChangesAndDeletionsShowAtOnce() {
        insert("AKIAQYLPMN5HAAAAAAA3", ALICE);
        insert("AKIAQYLPMN5HAAAAAAA4", ALICE);
        store.listByOwnerForListing(ACCOUNT, ALICE.id());
        store.updateStatus(AccessKeyId.of("AKIAQYLPMN5HAAAAAAA3"), KeyStatus.INACTIVE);
        assertThat(store.listByOwnerForListing(ACCOUNT, ALICE.id()).get(0).status()).isEqualTo(KeyStatus.INACTIVE);
        store.delete(AccessKeyId.of("AKIAQYLPMN5HAAAAAAA4"));
        assertThat(ids(store.listByOwnerForListing(ACCOUNT, ALICE.id()))).containsExactly("AKIAQYLPMN5HAAAAAAA3");
    }

    @Test
    void aChangeOfAKnownKeyDropsOnlyItsOwnersList() {
        insert("AKIAQYLPMN5HAAAAAAA5", ALICE);
        insert("AKIAQYLPMN5HBBBBBBB5", BOB);
        store.listByOwnerForListing(ACCOUNT, ALICE.id());
        store.listByOwnerForListing(ACCOUNT, BOB.id());
        // a change made elsewhere (another node), relayed as an event
        database.updateStatus(AccessKeyId.of("AKIAQYLPMN5HAAAAAAA5"), KeyStatus.INACTIVE);
        store.accessKeyChanged(AccessKeyId.of("AKIAQYLPMN5HAAAAAAA5"));
        assertThat(store.listByOwnerForListing(ACCOUNT, ALICE.id()).get(0).status()).isEqualTo(KeyStatus.INACTIVE);
        assertThat(store.cachedLists()).isEqualTo(2);
        assertThat(database.lists.get()).isEqualTo(3);
    }

    @Test
    void aChangeOfAnUnknownKeyDropsEveryList() {
        store.listByOwnerForListing(ACCOUNT, ALICE.id());
        store.listByOwnerForListing(ACCOUNT, BOB.id());
        // created through another node: whose list it joins is not known here
        database.insert(new StoredAccessKey(key("AKIAQYLPMN5HAAAAAAA6", ALICE), "v1:sealed"), 1);
        store.accessKeyChanged(AccessKeyId.of("AKIAQYLPMN5HAAAAAAA6"));
        assertThat(store.cachedLists()).isZero();
        assertThat(ids(store.listByOwnerForListing(ACCOUNT, ALICE.id()))).containsExactly("AKIAQYLPMN5HAAAAAAA6");
    }

    @Test
    void aReadOvertakenByAWriteIsNotKept() throws Exception {
        insert("AKIAQYLPMN5HAAAAAAA7", ALICE);
        CountDownLatch reading = new CountDownLatch(1);
        CountDownLatch written = new CountDownLatch(1);
        database.pauseNextList(reading, written);
        CompletableFuture<List<AccessKey>> slowRead = CompletableFuture.supplyAsync(
                () -> store.listByOwnerForListing(ACCOUNT, ALICE.id()));
        assertThat(reading.await(5, TimeUnit.SECONDS)).isTrue();
        // the read has its (old) rows; now a deletion commits and invalidates before the read finishes
        store.delete(AccessKeyId.of("AKIAQYLPMN5HAAAAAAA7"));
        written.countDown();
        assertThat(ids(slowRead.get(5, TimeUnit.SECONDS))).containsExactly("AKIAQYLPMN5HAAAAAAA7");
        assertThat(store.listByOwnerForListing(ACCOUNT, ALICE.id())).isEmpty();
    }

    @Test
    void aZeroTimeToLiveKeepsNothing() {
        CachingAccessKeyStore uncached = new CachingAccessKeyStore((AccessKeyStore) database, auth(Duration.ZERO));
        uncached.listByOwnerForListing(ACCOUNT, ALICE.id());
        uncached.listByOwnerForListing(ACCOUNT, ALICE.id());
        assertThat(database.lists.get()).isEqualTo(2);
    }

    private void insert(String id, KeyOwner owner) {
        int slot = store.listByOwner(ACCOUNT, owner.id()).size() + 1;
        assertThat(store.insert(new StoredAccessKey(key(id, owner), "v1:sealed"), slot))
                .isEqualTo(AccessKeyStore.InsertResult.INSERTED);
        database.lists.set(0);
    }

    private static AccessKey key(String id, KeyOwner owner) {
        return new AccessKey(AccessKeyId.of(id), ACCOUNT, owner, KeyStatus.ACTIVE, Instant.parse("2026-11-29T10:00:00Z"),
                null);
    }

    private static List<String> ids(List<AccessKey> keys) {
        return keys.stream().map(k -> k.id().value()).toList();
    }

    private static KeywardenConfig.Auth auth(Duration ttl) {
        KeywardenConfig.Auth auth = new KeywardenConfig.Auth();
        auth.setKeyCacheTtl(ttl);
        return auth;
    }

    /** The in-memory store counting list reads, optionally pausing one of them midway. */
    private static final class Counting extends ForwardingStore {
        final AtomicInteger lists = new AtomicInteger();
        private volatile CountDownLatch reading;
        private volatile CountDownLatch proceed;

        Counting() {
            super(new InMemoryAccessKeyStore());
        }

        void pauseNextList(CountDownLatch reading, CountDownLatch proceed) {
            this.reading = reading;
            this.proceed = proceed;
        }

        @Override
        public List<AccessKey> listByOwner(AccountId account, String ownerId) {
            lists.incrementAndGet();
            List<AccessKey> rows = super.listByOwner(account, ownerId);
            CountDownLatch r = reading;
            if (r != null) {
                reading = null;
                r.countDown();
                try {
                    proceed.await(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return rows;
        }
    }
}
