package io.keywarden.core.port;

import io.keywarden.core.identity.AccountId;
import io.keywarden.core.password.LoginProfile;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Persistence of console passwords: the login profiles (a password hash per IAM user or root user), the last hashes of
 * each (for the password policy's reuse prevention) and the sign-in failures that lock a user out, shared by every
 * node. Owners are named by ID: a user's ID, or the account ID for the root user.
 */
public interface LoginProfileStore {
    /** How many previous hashes are kept per owner (the password policy's largest reuse prevention). */
    int HISTORY = 24;

    Optional<LoginProfile> find(AccountId account, String ownerId);

    /** The login profiles of these owners that exist, by owner ID (the credential report). */
    Map<String, LoginProfile> findAll(AccountId account, Collection<String> ownerIds);

    /** Inserts a profile and remembers its hash; false when the owner has one already (the database decides). */
    boolean insert(LoginProfile profile);

    /**
     * Stores a profile's hash, last change and reset flag, and remembers a new hash ({@code newHash}); false when the
     * profile is gone. {@code newHash} false: only the reset flag changed.
     */
    boolean update(LoginProfile profile, boolean newHash);

    /** Deletes a profile with its history and failures; false when there was none. */
    boolean delete(AccountId account, String ownerId);

    /** The owner's last {@code count} password hashes, newest first (the current one included). */
    List<String> recentHashes(AccountId account, String ownerId, int count);

    /** A successful sign-in: the password's last use, and the failures forgotten. */
    void signedIn(AccountId account, String ownerId, Instant at);

    /** The owner's consecutive sign-in failures and lock; {@link Failures#NONE} when none. */
    Failures failures(AccountId account, String ownerId);

    /**
     * Counts one more failure (atomically, whichever node sees it) and, when the count reaches {@code lockAfter}, locks
     * the owner until {@code lockUntil} and starts the count again; answers the state after the failure.
     */
    Failures addFailure(AccountId account, String ownerId, int lockAfter, Instant lockUntil);

    /** Forgets the failures and the lock (an administrator set a new password). */
    void clearFailures(AccountId account, String ownerId);

    /** Consecutive failures and the end of a lock (null when not locked). */
    record Failures(int count, Instant lockedUntil) {
        public static final Failures NONE = new Failures(0, null);

        public boolean lockedAt(Instant now) {
            return lockedUntil != null && now.isBefore(lockedUntil);
        }
    }
}
