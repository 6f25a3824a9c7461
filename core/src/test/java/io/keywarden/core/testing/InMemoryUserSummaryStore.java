package io.keywarden.core.testing;

import io.keywarden.core.identity.AccountId;
import io.keywarden.core.identity.User;
import io.keywarden.core.keys.AccessKey;
import io.keywarden.core.password.LoginProfile;
import io.keywarden.core.port.AccessKeyStore;
import io.keywarden.core.port.LoginProfileStore;
import io.keywarden.core.port.UserStore;
import io.keywarden.core.port.UserSummaryStore;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A {@link UserSummaryStore} over the other stores, sorting every user in memory with {@link Sort#valueOf}: the
 * reference the JDBC store is checked against, and the store of the use cases' tests.
 */
public final class InMemoryUserSummaryStore implements UserSummaryStore {
    private final UserStore users;
    private final AccessKeyStore keys;
    private final LoginProfileStore profiles;

    public InMemoryUserSummaryStore(UserStore users, AccessKeyStore keys, LoginProfileStore profiles) {
        this.users = users;
        this.keys = keys;
        this.profiles = profiles;
    }

    @Override
    public List<Entry> page(AccountId account, Query q) {
        List<User> all = users.list(account, "/", null, Integer.MAX_VALUE);
        List<String> ids = all.stream().map(User::userId).toList();
        Map<String, List<AccessKey>> byOwner = keys.listByOwners(account, ids);
        Map<String, LoginProfile> byProfile = profiles.findAll(account, ids);
        boolean valueDescending = q.descending() != q.sort().reversed();
        Comparator<Entry> byValue = Comparator.comparing(e -> e.sortValue() == null ? Instant.EPOCH : e.sortValue());
        Comparator<Entry> byName = Comparator.comparing(e -> e.user().userName().key());
        Comparator<Entry> order = (valueDescending ? byValue.reversed() : byValue)
                .thenComparing(q.descending() ? byName.reversed() : byName);
        Entry after = q.after() == null ? null : new Entry(
                new User(account, "-", io.keywarden.core.identity.UserName.of(q.after().nameKey()),
                        io.keywarden.core.identity.UserPath.ROOT, Instant.EPOCH), q.after().value());
        return all.stream()
                .filter(u -> q.namePrefix() == null || u.userName().key().startsWith(q.namePrefix()))
                .map(u -> new Entry(u, q.sort().valueOf(u, byOwner.getOrDefault(u.userId(), List.of()),
                        byProfile.get(u.userId()))))
                .filter(e -> after == null || order.compare(e, after) > 0)
                .sorted(order)
                .limit(q.limit())
                .toList();
    }
}
