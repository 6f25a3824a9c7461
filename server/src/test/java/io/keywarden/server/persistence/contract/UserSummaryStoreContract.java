package io.keywarden.server.persistence.contract;

import io.keywarden.core.identity.User;
import io.keywarden.core.keys.AccessKey;
import io.keywarden.core.keys.AccessKeyId;
import io.keywarden.core.keys.KeyStatus;
import io.keywarden.core.keys.LastUsed;
import io.keywarden.core.password.LoginProfile;
import io.keywarden.core.port.AccessKeyStore;
import io.keywarden.core.port.LoginProfileStore;
import io.keywarden.core.port.StoredAccessKey;
import io.keywarden.core.port.UserStore;
import io.keywarden.core.port.UserSummaryStore;
import io.keywarden.core.port.UserSummaryStore.Entry;
import io.keywarden.core.port.UserSummaryStore.Position;
import io.keywarden.core.port.UserSummaryStore.Query;
import io.keywarden.core.port.UserSummaryStore.Sort;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract of {@link UserSummaryStore}: every order in both directions, keyset paging through ties, the name
 * prefix, and sort values that agree with {@link Sort#valueOf} (the one definition the SQL mirrors).
 */
abstract class UserSummaryStoreContract extends StoreContract {
    private static final Duration DAY = Duration.ofDays(1);

    private User alice;
    private User bob;
    private User carol;
    private User dave;

    private UserSummaryStore store() {
        return bean(UserSummaryStore.class);
    }

    private User insert(String name, Instant created) {
        User u = new User(acct(), user(name, "/").userId(), io.keywarden.core.identity.UserName.of(name),
                io.keywarden.core.identity.UserPath.of("/team/"), created);
        bean(UserStore.class).insert(u);
        return u;
    }

    private AccessKeyId addKey(User owner, KeyStatus status, Instant created, int slot) {
        StoredAccessKey k = key(owner, status, created);
        assertThat(bean(AccessKeyStore.class).insert(k, slot)).isEqualTo(AccessKeyStore.InsertResult.INSERTED);
        return k.key().id();
    }

    private void password(User owner, Instant changed, Instant signedIn) {
        LoginProfileStore profiles = bean(LoginProfileStore.class);
        assertThat(profiles.insert(new LoginProfile(acct(), owner.userId(), owner.userName().value(),
                "$argon2id$v=19$m=16,t=1,p=1$c2FsdA$aGFzaA", changed, changed, false, null))).isTrue();
        if (signedIn != null) {
            profiles.signedIn(acct(), owner.userId(), signedIn);
        }
    }

    /**
     * alice: created T0; an Active key from T0 used at T0+5d, an Inactive one; password set T0+2d, signed in T0+6d.
     * bob: created T0+1d; nothing. carol: created T0+2d; an Active key from T0+3d used at T0+4d; password set T0+1d,
     * never signed in. dave: created T0+3d; an Inactive key from T0+3d, never used, and a deleted Active key.
     */
    private void fixture() {
        alice = insert("alice", T0);
        bob = insert("Bob", T0.plus(DAY));
        carol = insert("carol", T0.plus(DAY.multipliedBy(2)));
        dave = insert("dave", T0.plus(DAY.multipliedBy(3)));
        AccessKeyId a1 = addKey(alice, KeyStatus.ACTIVE, T0, 1);
        addKey(alice, KeyStatus.INACTIVE, T0.plus(DAY), 2);
        AccessKeyId c1 = addKey(carol, KeyStatus.ACTIVE, T0.plus(DAY.multipliedBy(3)), 1);
        addKey(dave, KeyStatus.INACTIVE, T0.plus(DAY.multipliedBy(3)), 1);
        AccessKeyId gone = addKey(dave, KeyStatus.ACTIVE, T0.minus(DAY), 2);
        bean(AccessKeyStore.class).recordLastUsed(Map.of(
                a1, new LastUsed(T0.plus(DAY.multipliedBy(5)), "iam", "us-east-1"),
                c1, new LastUsed(T0.plus(DAY.multipliedBy(4)), "sts", "eu-west-1"),
                gone, new LastUsed(T0.plus(DAY.multipliedBy(9)), "iam", "us-east-1")));
        assertThat(bean(AccessKeyStore.class).delete(gone)).isTrue();
        password(alice, T0.plus(DAY.multipliedBy(2)), T0.plus(DAY.multipliedBy(6)));
        password(carol, T0.plus(DAY), null);
    }

    private List<String> names(List<Entry> entries) {
        return entries.stream().map(e -> e.user().userName().value()).toList();
    }

    /** Every user of the query's order, read a page of {@code size} at a time. */
    private List<Entry> paged(Sort sort, boolean descending, String prefix, int size) {
        List<Entry> all = new ArrayList<>();
        Position after = null;
        for (int guard = 0; guard < 1000; guard++) {
            List<Entry> page = store().page(acct(), new Query(sort, descending, prefix, after, size));
            assertThat(page.size()).isLessThanOrEqualTo(size);
            all.addAll(page);
            if (page.size() < size) {
                return all;
            }
            Entry last = page.get(page.size() - 1);
            after = new Position(last.sortValue(), last.user().userName().key());
        }
        throw new AssertionError("paging did not end");
    }

    private void expectOrder(Sort sort, List<String> ascending) {
        List<String> descending = new ArrayList<>(ascending);
        java.util.Collections.reverse(descending);
        for (int size : new int[] {1, 3, 100}) {
            assertThat(names(paged(sort, false, null, size))).as(sort + " asc, pages of " + size)
                    .containsExactlyElementsOf(ascending);
            assertThat(names(paged(sort, true, null, size))).as(sort + " desc, pages of " + size)
                    .containsExactlyElementsOf(descending);
        }
    }

    @Test
    void everyOrderInBothDirectionsAndThroughPagesOfAnySize() {
        fixture();
        expectOrder(Sort.USER_NAME, List.of("alice", "Bob", "carol", "dave"));
        expectOrder(Sort.CREATE_DATE, List.of("alice", "Bob", "carol", "dave"));
        // "None" first when ascending; ties (Bob and dave have no Active key) by name
        expectOrder(Sort.ACTIVE_KEY_AGE, List.of("Bob", "dave", "carol", "alice"));
        // dave's deleted key was used last, but deleted keys do not count
        expectOrder(Sort.ACCESS_KEY_LAST_USED, List.of("Bob", "dave", "carol", "alice"));
        expectOrder(Sort.PASSWORD_AGE, List.of("Bob", "dave", "alice", "carol"));
        expectOrder(Sort.CONSOLE_LAST_SIGN_IN, List.of("Bob", "carol", "dave", "alice"));
    }

    @Test
    void sortValuesAreThoseCoreDefines() {
        fixture();
        for (Sort sort : Sort.values()) {
            for (Entry e : store().page(acct(), new Query(sort, false, null, null, 10))) {
                List<AccessKey> live = bean(AccessKeyStore.class).listByOwner(acct(), e.user().userId());
                LoginProfile profile = bean(LoginProfileStore.class).find(acct(), e.user().userId()).orElse(null);
                assertThat(e.sortValue()).as(sort + " of " + e.user().userName())
                        .isEqualTo(sort.valueOf(e.user(), live, profile));
            }
        }
        assertThat(store().page(acct(), new Query(Sort.ACTIVE_KEY_AGE, false, null, null, 1)).get(0).sortValue())
                .isEqualTo(UserSummaryStore.NONE_AS_LATEST);
    }

    @Test
    void tiesAreOrderedByNameAndEveryUserComesExactlyOnce() {
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            String name = String.format("user-%02d", i);
            insert(name, T0.plus(Duration.ofDays(i % 3)));
            expected.add(name);
        }
        List<String> byDate = new ArrayList<>();
        for (int day = 0; day < 3; day++) {
            for (String n : expected) {
                if (Integer.parseInt(n.substring(5)) % 3 == day) {
                    byDate.add(n);
                }
            }
        }
        for (Sort sort : Sort.values()) {
            for (boolean desc : new boolean[] {false, true}) {
                List<String> got = names(paged(sort, desc, null, 4));
                assertThat(got).as(sort + (desc ? " desc" : " asc")).hasSize(23).doesNotHaveDuplicates();
            }
        }
        assertThat(names(paged(Sort.CREATE_DATE, false, null, 4))).containsExactlyElementsOf(byDate);
        assertThat(names(paged(Sort.ACTIVE_KEY_AGE, false, null, 5))).containsExactlyElementsOf(expected);
        List<String> reversed = new ArrayList<>(expected);
        java.util.Collections.reverse(reversed);
        assertThat(names(paged(Sort.PASSWORD_AGE, true, null, 5))).containsExactlyElementsOf(reversed);
    }

    @Test
    void aNamePrefixIgnoresCaseAndTakesLikeWildcardsLiterally() {
        fixture();
        insert("a_b", T0);
        insert("axb", T0);
        insert("Alberto", T0);
        assertThat(names(paged(Sort.USER_NAME, false, "al", 1))).containsExactly("Alberto", "alice");
        assertThat(names(store().page(acct(), new Query(Sort.USER_NAME, false, "al", null, 10))))
                .containsExactly("Alberto", "alice");
        assertThat(names(store().page(acct(), new Query(Sort.USER_NAME, false, "a_", null, 10))))
                .containsExactly("a_b");
        assertThat(names(store().page(acct(), new Query(Sort.CREATE_DATE, true, "b", null, 10))))
                .containsExactly("Bob");
        assertThat(names(store().page(acct(), new Query(Sort.PASSWORD_AGE, false, "c", null, 10))))
                .containsExactly("carol");
        assertThat(store().page(acct(), new Query(Sort.ACTIVE_KEY_AGE, false, "zz", null, 10))).isEmpty();
    }
}
