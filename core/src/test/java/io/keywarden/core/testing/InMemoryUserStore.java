package io.keywarden.core.testing;

import io.keywarden.core.error.ErrorCode;
import io.keywarden.core.error.KeywardenException;
import io.keywarden.core.identity.AccountId;
import io.keywarden.core.identity.User;
import io.keywarden.core.identity.UserName;
import io.keywarden.core.port.UserStore;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;

/** A {@link UserStore} in memory, for tests of the use cases. */
public final class InMemoryUserStore implements UserStore {
    private final Map<String, User> byNameKey = new ConcurrentSkipListMap<>();

    private static String k(AccountId account, String nameKey) {
        return account.value() + "/" + nameKey;
    }

    @Override
    public synchronized void insert(User user) {
        String key = k(user.accountId(), user.userName().key());
        if (byNameKey.containsKey(key)) {
            throw KeywardenException.of(ErrorCode.ENTITY_ALREADY_EXISTS, "User with name " + user.userName() + " already exists.");
        }
        byNameKey.put(key, user);
    }

    @Override
    public Optional<User> findByName(AccountId account, UserName name) {
        return Optional.ofNullable(byNameKey.get(k(account, name.key())));
    }

    @Override
    public Optional<User> findById(AccountId account, String userId) {
        return byNameKey.values().stream()
                .filter(u -> u.accountId().equals(account) && u.userId().equals(userId)).findFirst();
    }

    @Override
    public List<User> list(AccountId account, String pathPrefix, String afterKey, int limit) {
        return byNameKey.values().stream()
                .filter(u -> u.accountId().equals(account) && u.path().value().startsWith(pathPrefix))
                .filter(u -> afterKey == null || u.userName().key().compareTo(afterKey) > 0)
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized boolean delete(AccountId account, String userId) {
        return findById(account, userId).map(u -> byNameKey.remove(k(account, u.userName().key())) != null).orElse(false);
    }
}
