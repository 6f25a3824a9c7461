package io.keywarden.server.persistence.contract;

import io.keywarden.core.identity.User;
import io.keywarden.core.keys.KeyStatus;
import io.keywarden.core.port.AccessKeyStore;
import io.keywarden.core.port.StoredAccessKey;
import io.keywarden.core.port.UserStore;
import io.keywarden.server.persistence.JdbcChangeLog;
import io.keywarden.server.persistence.JdbcChangeLog.Change;
import io.keywarden.server.persistence.JdbcChangeLog.Kind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The change log other nodes poll: every key change is in it, in order, and old entries are pruned. */
public abstract class ChangeLogContract extends StoreContract {
    private JdbcChangeLog log;
    private AccessKeyStore keys;
    private UserStore users;

    @BeforeEach
    void stores() {
        log = bean(JdbcChangeLog.class);
        keys = bean(AccessKeyStore.class);
        users = bean(UserStore.class);
    }

    @Test
    void everyKeyChangeIsLoggedInOrderInTheSameTransaction() {
        long start = log.lastSeq();
        User u = user("changing", "/");
        users.insert(u);
        StoredAccessKey k = key(u, KeyStatus.ACTIVE, T0);
        keys.insert(k, 1);
        keys.insert(key(u, KeyStatus.ACTIVE, T0), 1); // slot taken: nothing changed, nothing logged
        keys.updateStatus(k.key().id(), KeyStatus.INACTIVE);
        keys.updateStatus(io.keywarden.core.keys.AccessKeyId.of("AKIAQYLPMN5HHHFPZZZZ"), KeyStatus.INACTIVE);
        keys.delete(k.key().id());
        keys.delete(k.key().id());
        List<Change> changes = log.since(start, 100);
        assertThat(changes).extracting(Change::kind).containsExactly(Kind.ACCESS_KEY, Kind.ACCESS_KEY, Kind.ACCESS_KEY);
        assertThat(changes).extracting(Change::subject).containsOnly(k.key().id().value());
        assertThat(changes).extracting(Change::seq).isSorted().doesNotHaveDuplicates();
        assertThat(log.lastSeq()).isEqualTo(changes.get(2).seq());
        assertThat(log.since(changes.get(0).seq(), 1)).extracting(Change::seq).containsExactly(changes.get(1).seq());
    }

    @Test
    void publishedChangesAreReadBackAndOldOnesPruned() {
        long start = log.lastSeq();
        log.publish(Kind.USER_POLICIES, "AIDAEXAMPLE");
        log.publish(Kind.ALL_POLICIES, "*");
        assertThat(log.since(start, 10)).extracting(Change::kind).containsExactly(Kind.USER_POLICIES, Kind.ALL_POLICIES);
        assertThat(log.pruneBefore(Instant.now().minusSeconds(3600))).isZero();
        assertThat(log.pruneBefore(Instant.now().plusSeconds(60))).isGreaterThanOrEqualTo(2);
        assertThat(log.since(start, 10)).isEmpty();
    }
}
