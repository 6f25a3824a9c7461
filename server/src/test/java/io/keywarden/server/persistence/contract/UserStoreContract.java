package io.keywarden.server.persistence.contract;

import io.keywarden.core.error.ErrorCode;
import io.keywarden.core.error.KeywardenException;
import io.keywarden.core.identity.AccountId;
import io.keywarden.core.identity.User;
import io.keywarden.core.identity.UserName;
import io.keywarden.core.port.UserStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every operation of {@link UserStore}, on each database and in memory. */
public abstract class UserStoreContract extends StoreContract {
    private UserStore users;

    @BeforeEach
    void stores() {
        users = bean(UserStore.class);
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
    void concurrentCreatesOfOneNameLetExactlyOneWin() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                String name = i % 2 == 0 ? "racer" : "RACER";
                results.add(pool.submit(() -> {
                    try {
                        users.insert(user(name, "/"));
                        return true;
                    } catch (KeywardenException e) {
                        assertThat(e.errorCode()).isEqualTo(ErrorCode.ENTITY_ALREADY_EXISTS);
                        return false;
                    }
                }));
            }
            int won = 0;
            for (Future<Boolean> f : results) {
                won += f.get(30, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertThat(won).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
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
        assertThat(users.list(acct(), "/nothing/", null, 100)).isEmpty();
    }

    @Test
    void paginationIsStableUnderConcurrentInserts() throws Exception {
        Set<String> before = new HashSet<>();
        for (int i = 0; i < 60; i++) {
            String name = String.format("p%03d", i * 2);
            users.insert(user(name, "/page/"));
            before.add(name);
        }
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService writer = Executors.newSingleThreadExecutor();
        Future<Integer> inserted = writer.submit(() -> {
            int n = 0;
            // odd numbers land between the pages being read, and names after the last one
            for (int i = 0; i < 200 && !stop.get(); i++) {
                users.insert(user(String.format("p%03d", i * 2 + 1), "/page/"));
                n++;
            }
            return n;
        });
        List<String> seen = new ArrayList<>();
        try {
            String after = null;
            while (true) {
                List<User> page = users.list(acct(), "/page/", after, 7);
                page.forEach(u -> seen.add(u.userName().value()));
                if (page.size() < 7) {
                    break;
                }
                after = page.get(page.size() - 1).userName().key();
            }
        } finally {
            stop.set(true);
            inserted.get(60, TimeUnit.SECONDS);
            writer.shutdownNow();
        }
        assertThat(seen).doesNotHaveDuplicates().isSorted().containsAll(before);
    }

    @Test
    void deletedUserIsGoneAndItsNameIsFreeAgain() {
        User u = user("gone", "/");
        users.insert(u);
        assertThat(users.delete(acct(), u.userId())).isTrue();
        assertThat(users.delete(acct(), u.userId())).isFalse();
        assertThat(users.findById(acct(), u.userId())).isEmpty();
        users.insert(user("gone", "/"));
        assertThat(users.findByName(acct(), UserName.of("gone"))).isPresent();
    }
}
