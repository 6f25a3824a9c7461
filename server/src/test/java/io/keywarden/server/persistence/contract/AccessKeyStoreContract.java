package io.keywarden.server.persistence.contract;

import io.keywarden.core.auth.Caller;
import io.keywarden.core.error.ErrorCode;
import io.keywarden.core.error.KeywardenException;
import io.keywarden.core.identity.Principal;
import io.keywarden.core.identity.User;
import io.keywarden.core.keys.AccessKeyId;
import io.keywarden.core.keys.KeyStatus;
import io.keywarden.core.keys.LastUsed;
import io.keywarden.core.keys.NewAccessKey;
import io.keywarden.core.port.AccessKeyStore;
import io.keywarden.core.port.AccessKeyStore.InsertResult;
import io.keywarden.core.port.StoredAccessKey;
import io.keywarden.core.port.UserStore;
import io.keywarden.core.service.IdentityService;
import io.keywarden.server.persistence.AccessKeyRow;
import io.keywarden.server.persistence.JdbcAccessKeyStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Every operation of {@link AccessKeyStore}, on each database and in memory, including the key limit under concurrency. */
public abstract class AccessKeyStoreContract extends StoreContract {
    private static final AccessKeyId UNKNOWN = AccessKeyId.of("AKIAQYLPMN5HHHFPZZZZ");
    private UserStore users;
    private AccessKeyStore keys;

    @BeforeEach
    void stores() {
        users = bean(UserStore.class);
        keys = bean(AccessKeyStore.class);
    }

    private User newUser(String name) {
        User u = user(name, "/");
        users.insert(u);
        return u;
    }

    @Test
    void keyIsInsertedFoundAndListedOldestFirst() {
        User u = newUser("keyholder");
        StoredAccessKey newer = key(u, KeyStatus.ACTIVE, T0.plusSeconds(60));
        StoredAccessKey older = key(u, KeyStatus.INACTIVE, T0);
        assertThat(keys.insert(newer, 1)).isEqualTo(InsertResult.INSERTED);
        assertThat(keys.insert(older, 2)).isEqualTo(InsertResult.INSERTED);
        assertThat(keys.find(newer.key().id())).contains(newer);
        assertThat(keys.find(newer.key().id()).orElseThrow().sealedSecret()).isEqualTo(newer.sealedSecret());
        assertThat(keys.listByOwner(acct(), u.userId())).containsExactly(older.key(), newer.key());
        assertThat(keys.listByOwners(acct(), List.of(u.userId(), "AIDANOBODY")))
                .containsEntry(u.userId(), List.of(older.key(), newer.key()));
        assertThat(keys.find(UNKNOWN)).isEmpty();
    }

    @Test
    void takenSlotIsReportedAndTheLimitHolds() {
        User u = newUser("slots");
        assertThat(keys.insert(key(u, KeyStatus.ACTIVE, T0), 1)).isEqualTo(InsertResult.INSERTED);
        assertThat(keys.insert(key(u, KeyStatus.ACTIVE, T0), 1)).isEqualTo(InsertResult.SLOT_TAKEN);
        assertThat(keys.insert(key(u, KeyStatus.ACTIVE, T0), 2)).isEqualTo(InsertResult.INSERTED);
        assertThat(keys.insert(key(u, KeyStatus.ACTIVE, T0), 2)).isEqualTo(InsertResult.SLOT_TAKEN);
        assertThat(keys.listByOwner(acct(), u.userId())).hasSize(2);
    }

    @Test
    void twentyConcurrentSlotInsertsForOneOwnerYieldExactlyTwoKeys() throws Exception {
        User u = newUser("crowd");
        List<InsertResult> results = race(20, i -> keys.insert(key(u, KeyStatus.ACTIVE, T0), 1 + i % 2));
        assertThat(results).filteredOn(r -> r == InsertResult.INSERTED).hasSize(2);
        assertThat(results).filteredOn(r -> r == InsertResult.SLOT_TAKEN).hasSize(18);
        assertThat(keys.listByOwner(acct(), u.userId())).hasSize(2);
    }

    @Test
    void twentyConcurrentCreateAccessKeyCallsForOneUserYieldExactlyTwo() throws Exception {
        newUser("stampede");
        IdentityService identity = bean(IdentityService.class);
        Caller root = new Caller(Principal.root(acct()), "AKIAROOT", Instant.now(), "127.0.0.1", "test", true,
                "us-east-1", "iam");
        List<String> outcomes = race(20, i -> {
            try {
                NewAccessKey k = identity.createAccessKey(root, "stampede");
                return k.key().id().value();
            } catch (KeywardenException e) {
                return e.errorCode().code();
            }
        });
        assertThat(outcomes).filteredOn(o -> o.startsWith("AKIA")).hasSize(2).doesNotHaveDuplicates();
        assertThat(outcomes).filteredOn(o -> o.equals(ErrorCode.LIMIT_EXCEEDED.code())).hasSize(18);
        String userId = users.findByName(acct(), io.keywarden.core.identity.UserName.of("stampede")).orElseThrow()
                .userId();
        assertThat(keys.listByOwner(acct(), userId)).hasSize(2);
    }

    @Test
    void deletedKeyFreesItsSlotButItsIdIsNeverReissued() {
        User u = newUser("reuse");
        StoredAccessKey k = key(u, KeyStatus.ACTIVE, T0);
        assertThat(keys.insert(k, 1)).isEqualTo(InsertResult.INSERTED);
        assertThat(keys.insert(k, 2)).as("same ID while live").isEqualTo(InsertResult.ID_TAKEN);
        assertThat(keys.delete(k.key().id())).isTrue();
        assertThat(keys.delete(k.key().id())).isFalse();
        assertThat(keys.find(k.key().id())).isEmpty();
        assertThat(keys.listByOwner(acct(), u.userId())).isEmpty();
        assertThat(keys.updateStatus(k.key().id(), KeyStatus.ACTIVE)).isFalse();
        assertThat(keys.insert(k, 1)).as("same ID after delete").isEqualTo(InsertResult.ID_TAKEN);
        assertThat(keys.insert(key(u, KeyStatus.ACTIVE, T0), 1)).as("slot is free").isEqualTo(InsertResult.INSERTED);
        if (!onDatabase()) {
            return; // what follows is about the row the database keeps
        }
        AccessKeyRow row = bean(JdbcAccessKeyStore.class).findRow(k.key().id()).orElseThrow();
        assertThat(row.deletedAt()).isNotNull();
        assertThat(row.slot()).isNull();
        assertThat(row.sealedSecret()).as("no sealed secret kept for a deleted key").isEqualTo("deleted");
    }

    @Test
    void statusChangesAreStored() {
        User u = newUser("status");
        StoredAccessKey k = key(u, KeyStatus.ACTIVE, T0);
        keys.insert(k, 1);
        assertThat(keys.updateStatus(k.key().id(), KeyStatus.INACTIVE)).isTrue();
        assertThat(keys.find(k.key().id()).orElseThrow().key().status()).isEqualTo(KeyStatus.INACTIVE);
        assertThat(keys.updateStatus(k.key().id(), KeyStatus.ACTIVE)).isTrue();
        assertThat(keys.find(k.key().id()).orElseThrow().key().status()).isEqualTo(KeyStatus.ACTIVE);
        assertThat(keys.updateStatus(UNKNOWN, KeyStatus.ACTIVE)).isFalse();
    }

    @Test
    void lastUsedMergesLatestWins() {
        User u = newUser("lastused");
        StoredAccessKey a = key(u, KeyStatus.ACTIVE, T0);
        StoredAccessKey b = key(u, KeyStatus.ACTIVE, T0);
        keys.insert(a, 1);
        keys.insert(b, 2);
        Instant t1 = T0.plus(1, ChronoUnit.HOURS);
        Instant t2 = t1.plus(5, ChronoUnit.MINUTES);
        keys.recordLastUsed(Map.of(a.key().id(), new LastUsed(t2, "sts", "eu-west-1"),
                b.key().id(), new LastUsed(t1, "iam", "us-east-1")));
        // an older record (e.g. from a slower node) does not overwrite a newer one
        keys.recordLastUsed(Map.of(a.key().id(), new LastUsed(t1, "iam", "us-east-1"),
                b.key().id(), new LastUsed(t2, "sts", "ap-south-1")));
        assertThat(keys.find(a.key().id()).orElseThrow().key().lastUsed())
                .isEqualTo(new LastUsed(t2, "sts", "eu-west-1"));
        assertThat(keys.find(b.key().id()).orElseThrow().key().lastUsed())
                .isEqualTo(new LastUsed(t2, "sts", "ap-south-1"));
        keys.recordLastUsed(Map.of(UNKNOWN, new LastUsed(t2, "iam", "x")));
        keys.recordLastUsed(Map.of());
    }

    @Test
    void lastUsedFromSeveralNodesFlushingConcurrentlyKeepsTheLatest() throws Exception {
        User u = newUser("nodes");
        StoredAccessKey k = key(u, KeyStatus.ACTIVE, T0);
        keys.insert(k, 1);
        // 8 "nodes" each flush 25 batches; node n's uses are at T0 + (i * 8 + n) seconds
        race(8, node -> {
            for (int i = 0; i < 25; i++) {
                Map<AccessKeyId, LastUsed> batch = new HashMap<>();
                batch.put(k.key().id(), new LastUsed(T0.plusSeconds(i * 8L + node), "iam", "node-" + node));
                keys.recordLastUsed(batch);
            }
            return null;
        });
        assertThat(keys.find(k.key().id()).orElseThrow().key().lastUsed())
                .isEqualTo(new LastUsed(T0.plusSeconds(24 * 8 + 7), "iam", "node-7"));
    }

    @Test
    void lastUsedIsMillisecondPreciseAndClipped() {
        User u = newUser("precise");
        StoredAccessKey k = key(u, KeyStatus.ACTIVE, T0);
        keys.insert(k, 1);
        Instant when = Instant.parse("2026-03-04T05:06:07.891Z");
        keys.recordLastUsed(Map.of(k.key().id(), new LastUsed(when, "s".repeat(64), "r".repeat(64))));
        assertThat(keys.find(k.key().id()).orElseThrow().key().lastUsed().date()).isEqualTo(when);
    }

    @Test
    void oldestActiveKeyDatesIgnoreInactiveAndDeletedKeys() {
        User u1 = newUser("age1");
        User u2 = newUser("age2");
        User u3 = newUser("age3");
        keys.insert(key(u1, KeyStatus.INACTIVE, T0), 1);
        keys.insert(key(u1, KeyStatus.ACTIVE, T0.plusSeconds(10)), 2);
        StoredAccessKey deleted = key(u2, KeyStatus.ACTIVE, T0);
        keys.insert(deleted, 1);
        keys.insert(key(u2, KeyStatus.ACTIVE, T0.plusSeconds(20)), 2);
        keys.delete(deleted.key().id());
        keys.insert(key(u3, KeyStatus.INACTIVE, T0), 1);
        Map<String, Instant> oldest = keys.oldestActiveKeyDates(acct(), Set.of(u1.userId(), u2.userId(), u3.userId()));
        assertThat(oldest).containsExactlyInAnyOrderEntriesOf(Map.of(
                u1.userId(), T0.plusSeconds(10), u2.userId(), T0.plusSeconds(20)));
        assertThat(keys.oldestActiveKeyDates(acct(), List.of())).isEmpty();
    }
}
