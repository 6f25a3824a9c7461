package io.keywarden.core.port;

import io.keywarden.core.identity.AccountId;
import io.keywarden.core.identity.Tag;

import java.util.Collection;
import java.util.List;

/**
 * Persistence of users' tags. Keys are unique per user ignoring case ({@link Tag#keyFold()}); a user's tags go when
 * the user goes. An access key's description is one of its owner's tags, keyed by the access key ID (as AWS's console
 * stores it): a store that other nodes read through caches tells them when such a tag changes.
 */
public interface UserTagStore {
    /** The user's tags, ordered by key ignoring case. */
    List<Tag> userTags(AccountId account, String userId);

    /** Adds the tags, replacing the value (and the key's spelling) of a key the user has already. */
    void putUserTags(AccountId account, String userId, List<Tag> tags);

    /** Removes the tags with these keys (ignoring case); keys the user does not have are ignored. */
    void removeUserTags(AccountId account, String userId, Collection<String> keys);
}
