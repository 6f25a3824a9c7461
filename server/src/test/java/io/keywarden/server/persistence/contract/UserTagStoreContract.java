package io.keywarden.server.persistence.contract;

import io.keywarden.core.identity.Tag;
import io.keywarden.core.identity.User;
import io.keywarden.core.keys.KeyStatus;
import io.keywarden.core.port.AccessKeyStore;
import io.keywarden.core.port.StoredAccessKey;
import io.keywarden.core.port.UserStore;
import io.keywarden.core.port.UserTagStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Every operation of {@link UserTagStore}, on each database and in memory: keys unique ignoring case (a put replaces
 * the value and the spelling), key order, removal ignoring case, tags per user; on a database, a user's tags go with
 * the user and key listings read the descriptions (tags keyed by the owner's key IDs) with the keys.
 */
public abstract class UserTagStoreContract extends StoreContract {
    private UserTagStore tags;
    private UserStore users;

    @BeforeEach
    void stores() {
        tags = bean(UserTagStore.class);
        users = bean(UserStore.class);
    }

    private User stored(String name) {
        User u = user(name, "/");
        users.insert(u);
        return u;
    }

    @Test
    void tagsArePutReplacedIgnoringCaseListedInKeyOrderAndRemoved() {
        User alice = stored("alice");
        User bob = stored("bob");
        assertThat(tags.userTags(acct(), alice.userId())).isEmpty();
        tags.putUserTags(acct(), alice.userId(), List.of(new Tag("team", "a"), new Tag("Env", ""),
                new Tag("café", "crème")));
        tags.putUserTags(acct(), bob.userId(), List.of(new Tag("team", "b")));
        tags.putUserTags(acct(), alice.userId(), List.of(new Tag("TEAM", "c")));
        assertThat(tags.userTags(acct(), alice.userId()))
                .containsExactly(new Tag("café", "crème"), new Tag("Env", ""), new Tag("TEAM", "c"));
        assertThat(tags.userTags(acct(), bob.userId())).containsExactly(new Tag("team", "b"));

        tags.removeUserTags(acct(), alice.userId(), List.of("env", "absent"));
        assertThat(tags.userTags(acct(), alice.userId()))
                .containsExactly(new Tag("café", "crème"), new Tag("TEAM", "c"));
        assertThat(tags.userTags(acct(), bob.userId())).hasSize(1);
    }

    @Test
    void aUsersTagsGoWithTheUser() {
        assumeTrue(onDatabase(), "the foreign key is the database's");
        User gone = stored("gone");
        tags.putUserTags(acct(), gone.userId(), List.of(new Tag("team", "a")));
        assertThat(users.delete(acct(), gone.userId())).isTrue();
        assertThat(tags.userTags(acct(), gone.userId())).isEmpty();
    }

    @Test
    void aKeyListingReadsTheDescriptionsOfTheOwnersKeysOnly() {
        assumeTrue(onDatabase(), "the JDBC key store reads the tags table");
        AccessKeyStore keys = bean(AccessKeyStore.class);
        User owner = stored("owner");
        StoredAccessKey described = key(owner, KeyStatus.ACTIVE, T0);
        StoredAccessKey plain = key(owner, KeyStatus.ACTIVE, T0.plusSeconds(1));
        keys.insert(described, 1);
        keys.insert(plain, 2);
        tags.putUserTags(acct(), owner.userId(), List.of(new Tag(described.key().id().value(), "ci deploy"),
                new Tag("AKIAQYLPMN5HZZZZZZZZ", "an old key"), new Tag("team", "x")));
        AccessKeyStore.Listing listing = keys.listingByOwner(acct(), owner.userId());
        assertThat(listing.keys()).hasSize(2);
        assertThat(listing.descriptions()).containsOnlyKeys(described.key().id().value())
                .containsEntry(described.key().id().value(), "ci deploy");
    }
}
