package io.keywarden.core.testing;

import io.keywarden.core.identity.AccountId;
import io.keywarden.core.identity.Tag;
import io.keywarden.core.identity.Tags;
import io.keywarden.core.port.UserTagStore;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** {@link UserTagStore} in memory, for tests. */
public final class InMemoryUserTagStore implements UserTagStore {
    private final Map<String, List<Tag>> byUser = new HashMap<>();

    @Override
    public synchronized List<Tag> userTags(AccountId account, String userId) {
        return byUser.getOrDefault(account.value() + "/" + userId, List.of());
    }

    @Override
    public synchronized void putUserTags(AccountId account, String userId, List<Tag> tags) {
        byUser.put(account.value() + "/" + userId, Tags.merge(userTags(account, userId), tags, "user"));
    }

    @Override
    public synchronized void removeUserTags(AccountId account, String userId, Collection<String> keys) {
        byUser.put(account.value() + "/" + userId, Tags.remove(userTags(account, userId), keys));
    }
}
