package io.keywarden.core.auth;

import io.keywarden.core.crypto.SecretSealer;
import io.keywarden.core.identity.AccountId;
import io.keywarden.core.identity.Principal;
import io.keywarden.core.identity.User;
import io.keywarden.core.keys.AccessKeyId;
import io.keywarden.core.port.AccessKeyStore;
import io.keywarden.core.port.StoredAccessKey;
import io.keywarden.core.port.UserStore;

import java.util.Objects;
import java.util.Optional;

/**
 * Finds the credential behind an access key ID for authentication: only live, Active keys of this account resolve.
 * This reads the stores; the server puts a cache in front of it (invalidated through
 * {@link io.keywarden.core.port.KeyChangeListener}) so the request path does not touch the database.
 */
public final class CredentialResolver {
    private final AccountId account;
    private final UserStore users;
    private final AccessKeyStore keys;
    private final SecretSealer sealer;

    public CredentialResolver(AccountId account, UserStore users, AccessKeyStore keys, SecretSealer sealer) {
        this.account = Objects.requireNonNull(account, "account");
        this.users = Objects.requireNonNull(users, "users");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.sealer = Objects.requireNonNull(sealer, "sealer");
    }

    /** The Active key's credential; empty when the ID is malformed, unknown, deleted, Inactive or of another account. */
    public Optional<ResolvedCredential> resolve(String accessKeyId) {
        AccessKeyId id;
        try {
            id = AccessKeyId.of(accessKeyId);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        Optional<StoredAccessKey> stored = keys.find(id);
        if (stored.isEmpty() || !stored.get().key().isActive() || !stored.get().key().accountId().equals(account)) {
            return Optional.empty();
        }
        StoredAccessKey s = stored.get();
        Principal principal;
        if (s.key().owner().isRoot()) {
            principal = Principal.root(account);
        } else {
            Optional<User> user = users.findById(account, s.key().owner().id());
            if (user.isEmpty()) {
                return Optional.empty();
            }
            principal = Principal.user(user.get());
        }
        return Optional.of(new ResolvedCredential(s.key(), principal, sealer.unseal(id, s.sealedSecret())));
    }
}
