package io.keywarden.server.persistence;

import io.keywarden.core.error.ErrorCode;
import io.keywarden.core.error.KeywardenException;
import io.keywarden.core.identity.Account;
import io.keywarden.core.identity.AccountId;
import io.keywarden.core.identity.User;
import io.keywarden.core.identity.UserName;
import io.keywarden.core.identity.UserPath;
import io.keywarden.core.keys.AccessKey;
import io.keywarden.core.keys.AccessKeyId;
import io.keywarden.core.keys.KeyOwner;
import io.keywarden.core.keys.KeyStatus;
import io.keywarden.core.keys.LastUsed;
import io.keywarden.core.port.AccessKeyStore.InsertResult;
import io.keywarden.core.port.StoredAccessKey;
import io.keywarden.server.support.ServerTestSupport;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The JDBC stores against the embedded H2 database (PostgreSQL mode), through the same beans the server uses. */
@MicronautTest(transactional = false, startApplication = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdbcStoresTest extends ServerTestSupport {
    private static final Instant T0 = Instant.parse("2026-01-02T03:04:05.678Z");
    private final Random random = new Random(42);

    @Inject
    JdbcUserStore users;
    @Inject
    JdbcAccessKeyStore keys;
    @Inject
    Account account;

    private AccountId acct() {
        return account.id();
    }

    private User user(String name, String path) {
        return new User(acct(), "AIDA" + Long.toString(Math.abs(random.nextLong()), 32).toUpperCase() + "XYZ",
                UserName.of(name), UserPath.of(path), T0);
    }

    private StoredAccessKey key(User owner, KeyStatus status, Instant created) {
        AccessKeyId id = AccessKeyId.generate(acct(), random);
        return new StoredAccessKey(new AccessKey(id, acct(), KeyOwner.user(owner.userId(), owner.userName()), status,
                created, null), "v1:sealed-" + id.value());
    }

    @Test
    void userIsFoundByNameIgnoringCaseAndById() {
        User u = user("Alice.Smith", "/eng/");
        users.insert(u);
        assertThat(users.findByName(acct(), UserName.of("alice.smith"))).contains(u);
        assertThat(users.findByName(acct(), UserName.of("ALICE.SMITH"))).contains(u);
        assertThat(users.findById(acct(), u.userId())).contains(u);
        assertThat(users.findById(AccountId.of("999999999999"), u.userId())).isEmpty();
        assertThat(users.findByName(acct(), UserName.of("nobody"))).isEmpty();
    }

    @Test
    void duplicateUserNameIgnoringCaseIsEntityAlreadyExists() {
        users.insert(user("Dup", "/"));
        assertThatThrownBy(() -> users.insert(user("dUP", "/other/")))
                .isInstanceOfSatisfying(KeywardenException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.ENTITY_ALREADY_EXISTS))
                .hasMessage("User with name dUP already exists.");
    }

    @Test
    void listFiltersByPathPrefixLiterallyOrdersByNameAndPagesAfterTheKey() {
        for (String n : List.of("lc", "LA", "lb", "ld")) {
            users.insert(user(n, "/list_a/"));
        }
        users.insert(user("lx", "/listXa/")); // '_' in the prefix must not act as a wildcard
        List<User> page1 = users.list(acct(), "/list_a/", null, 2);
        assertThat(page1).extracting(u -> u.userName().value()).containsExactly("LA", "lb");
        List<User> page2 = users.list(acct(), "/list_a/", page1.get(1).userName().key(), 10);
        assertThat(page2).extracting(u -> u.userName().value()).containsExactly("lc", "ld");
        assertThat(users.list(acct(), "/list", null, 100)).extracting(u -> u.userName().value())
                .containsExactly("LA", "lb", "lc", "ld", "lx");
    }

    @Test
    void deletedUserIsGone() {
        User u = user("gone", "/");
        users.insert(u);
        assertThat(users.delete(acct(), u.userId())).isTrue();
        assertThat(users.delete(acct(), u.userId())).isFalse();
        assertThat(users.findById(acct(), u.userId())).isEmpty();
        users.insert(user("gone", "/")); // the name is free again
    }

    @Test
    void keyIsInsertedFoundAndListedOldestFirst() {
        User u = user("keyholder", "/");
        users.insert(u);
        StoredAccessKey newer = key(u, KeyStatus.ACTIVE, T0.plusSeconds(60));
        StoredAccessKey older = key(u, KeyStatus.INACTIVE, T0);
        assertThat(keys.insert(newer, 1)).isEqualTo(InsertResult.INSERTED);
        assertThat(keys.insert(older, 2)).isEqualTo(InsertResult.INSERTED);
        assertThat(keys.find(newer.key().id())).contains(newer);
        assertThat(keys.find(newer.key().id()).get().sealedSecret()).isEqualTo(newer.sealedSecret());
        assertThat(keys.listByOwner(acct(), u.userId())).containsExactly(older.key(), newer.key());
        assertThat(keys.find(AccessKeyId.of("AKIAQYLPMN5HHHFPZZZZ"))).isEmpty();
    }

    @Test
    void takenSlotIsReportedAndTheLimitHolds() {
        User u = user("slots", "/");
        users.insert(u);
        assertThat(keys.insert(key(u, KeyStatus.ACTIVE, T0), 1)).isEqualTo(InsertResult.INSERTED);
        assertThat(keys.insert(key(u, KeyStatus.ACTIVE, T0), 1)).isEqualTo(InsertResult.SLOT_TAKEN);
        assertThat(keys.insert(key(u, KeyStatus.ACTIVE, T0), 2)).isEqualTo(InsertResult.INSERTED);
        assertThat(keys.insert(key(u, KeyStatus.ACTIVE, T0), 2)).isEqualTo(InsertResult.SLOT_TAKEN);
        assertThat(keys.listByOwner(acct(), u.userId())).hasSize(2);
    }

    @Test
    void deletedKeyFreesItsSlotButItsIdIsNeverReused() {
        User u = user("reuse", "/");
        users.insert(u);
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
        AccessKeyRow row = keys.findRow(k.key().id()).orElseThrow();
        assertThat(row.deletedAt()).isNotNull();
        assertThat(row.slot()).isNull();
        assertThat(row.sealedSecret()).as("no sealed secret kept for a deleted key").isEqualTo("deleted");
    }

    @Test
    void statusChangesAreStored() {
        User u = user("status", "/");
        users.insert(u);
        StoredAccessKey k = key(u, KeyStatus.ACTIVE, T0);
        keys.insert(k, 1);
        assertThat(keys.updateStatus(k.key().id(), KeyStatus.INACTIVE)).isTrue();
        assertThat(keys.find(k.key().id()).orElseThrow().key().status()).isEqualTo(KeyStatus.INACTIVE);
        assertThat(keys.updateStatus(AccessKeyId.of("AKIAQYLPMN5HHHFPZZZZ"), KeyStatus.ACTIVE)).isFalse();
    }

    @Test
    void lastUsedMergesLatestWins() {
        User u = user("lastused", "/");
        users.insert(u);
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
        keys.recordLastUsed(Map.of(AccessKeyId.of("AKIAQYLPMN5HHHFPZZZZ"), new LastUsed(t2, "iam", "x")));
        keys.recordLastUsed(Map.of());
    }

    @Test
    void oldestActiveKeyDatesIgnoreInactiveAndDeletedKeys() {
        User u1 = user("age1", "/");
        User u2 = user("age2", "/");
        User u3 = user("age3", "/");
        users.insert(u1);
        users.insert(u2);
        users.insert(u3);
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
