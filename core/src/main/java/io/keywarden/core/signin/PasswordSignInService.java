package io.keywarden.core.signin;

import io.keywarden.core.error.KeywardenException;
import io.keywarden.core.identity.AccountId;
import io.keywarden.core.identity.Principal;
import io.keywarden.core.identity.User;
import io.keywarden.core.identity.UserName;
import io.keywarden.core.notify.Notification;
import io.keywarden.core.notify.NotificationEvent;
import io.keywarden.core.notify.Notifications;
import io.keywarden.core.password.LoginProfile;
import io.keywarden.core.password.PasswordHasher;
import io.keywarden.core.password.PasswordPolicy;
import io.keywarden.core.port.AccountSettingsStore;
import io.keywarden.core.port.LoginProfileStore;
import io.keywarden.core.port.Transactions;
import io.keywarden.core.port.UserStore;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The console password check: account (ID or alias), user name (blank for the root user) and password. Every attempt
 * costs one password hash, whether or not the account, the user or its login profile exist, so that the time taken
 * does not tell which do. After {@code lockAfter} consecutive wrong passwords the user is locked out for
 * {@code lockFor} (kept in the store, so every node refuses it); a right password during the lock is refused too. A
 * password older than the policy's maximum age signs in with {@code passwordResetRequired}, or is refused under
 * HardExpiry. The failure that starts a lock-out publishes {@code sign_in.failed_repeatedly}. Throttling per source
 * address is the server's ({@code ThrottlingPasswordSignIn}).
 */
public final class PasswordSignInService implements PasswordSignIn {
    public static final int DEFAULT_LOCK_AFTER = 5;
    public static final Duration DEFAULT_LOCK_FOR = Duration.ofMinutes(15);

    private final AccountId account;
    private final UserStore users;
    private final LoginProfileStore profiles;
    private final AccountSettingsStore settings;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final int lockAfter;
    private final Duration lockFor;
    private final Notifications notifications;
    private final Transactions tx;
    /** A hash of nothing anyone knows, checked when there is no real one, so a miss costs what a check costs. */
    private final String decoy;

    public PasswordSignInService(AccountId account, UserStore users, LoginProfileStore profiles,
                                 AccountSettingsStore settings, PasswordHasher hasher, Clock clock, int lockAfter,
                                 Duration lockFor, java.util.random.RandomGenerator random) {
        this(account, users, profiles, settings, hasher, clock, lockAfter, lockFor, random, Notifications.NONE,
                Transactions.NONE);
    }

    /**
     * With {@code notifications}: the failure that locks a user out publishes {@code sign_in.failed_repeatedly} (once
     * per lock-out, whichever node counted it: the count is the store's), in the transaction that counts the failure
     * ({@code tx}), so a crash loses neither or both.
     */
    public PasswordSignInService(AccountId account, UserStore users, LoginProfileStore profiles,
                                 AccountSettingsStore settings, PasswordHasher hasher, Clock clock, int lockAfter,
                                 Duration lockFor, java.util.random.RandomGenerator random,
                                 Notifications notifications, Transactions tx) {
        this.notifications = Objects.requireNonNull(notifications, "notifications");
        this.tx = Objects.requireNonNull(tx, "tx");
        this.account = Objects.requireNonNull(account, "account");
        this.users = Objects.requireNonNull(users, "users");
        this.profiles = Objects.requireNonNull(profiles, "profiles");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (lockAfter < 1) {
            throw new IllegalArgumentException("lockAfter must be at least 1");
        }
        if (lockFor.isNegative() || lockFor.isZero()) {
            throw new IllegalArgumentException("lockFor must be positive");
        }
        this.lockAfter = lockAfter;
        this.lockFor = lockFor;
        char[] unknown = new char[32];
        for (int i = 0; i < unknown.length; i++) {
            unknown[i] = (char) ('!' + random.nextInt(94));
        }
        this.decoy = hasher.hash(unknown);
        java.util.Arrays.fill(unknown, '\0');
    }

    @Override
    public Outcome signIn(String accountIdOrAlias, String userName, char[] password, String sourceAddress) {
        Objects.requireNonNull(password, "password");
        Instant now = clock.instant();
        if (!isThisAccount(accountIdOrAlias)) {
            return refusedAfterWork(password, "unknown account");
        }
        boolean root = userName == null || userName.isBlank();
        Optional<User> user = root ? Optional.empty() : findUser(userName.trim());
        if (!root && user.isEmpty()) {
            return refusedAfterWork(password, "unknown user");
        }
        String ownerId = user.map(User::userId).orElse(account.value());
        Optional<LoginProfile> profile = profiles.find(account, ownerId);
        if (profile.isEmpty()) {
            return refusedAfterWork(password, "no login profile");
        }
        if (profiles.failures(account, ownerId).lockedAt(now)) {
            return refusedAfterWork(password, "locked out after repeated failures");
        }
        if (!hasher.verify(password, profile.get().passwordHash())) {
            LoginProfileStore.Failures after = countFailure(user, ownerId, now, sourceAddress);
            if (after.lockedAt(now)) {
                return new Refused("wrong password; locked out until " + after.lockedUntil());
            }
            return new Refused("wrong password");
        }
        PasswordPolicy policy = settings.passwordPolicy(account).orElse(PasswordPolicy.NONE);
        boolean expired = policy.expiry(profile.get().passwordLastChanged()).map(e -> !now.isBefore(e)).orElse(false);
        if (expired && policy.hardExpiry()) {
            return new Refused("password expired (hard expiry)");
        }
        profiles.signedIn(account, ownerId, now);
        Principal principal = user.map(Principal::user).orElseGet(() -> Principal.root(account));
        return new SignedIn(principal, expired || profile.get().passwordResetRequired());
    }

    /** Counts a failure and, when it starts a lock-out, announces it: both in one transaction. */
    private LoginProfileStore.Failures countFailure(Optional<User> user, String ownerId, Instant now,
                                                    String sourceAddress) {
        List<LoginProfileStore.Failures> counted = new ArrayList<>(1);
        tx.inTransaction(() -> {
            counted.clear(); // a retried transaction counts afresh
            LoginProfileStore.Failures after = profiles.addFailure(account, ownerId, lockAfter, now.plus(lockFor));
            if (after.lockedAt(now)) {
                lockedOut(user, after, now, sourceAddress);
            }
            counted.add(after);
        });
        return counted.get(0);
    }

    /** Announces a lock-out that this failure started (the user, or the root user; never the password). */
    private void lockedOut(Optional<User> user, LoginProfileStore.Failures after, Instant now, String sourceAddress) {
        Principal who = user.map(Principal::user).orElseGet(() -> Principal.root(account));
        notifications.publish(Notification.of(NotificationEvent.SIGN_IN_FAILED_REPEATEDLY, now, account.value(),
                "userName", user.map(u -> u.userName().value()).orElse(null),
                "principalArn", who.arn(),
                "root", user.isEmpty(),
                "failedAttempts", lockAfter,
                "lockedUntil", after.lockedUntil().toString(),
                "sourceIp", sourceAddress));
    }

    private boolean isThisAccount(String accountIdOrAlias) {
        if (accountIdOrAlias == null || accountIdOrAlias.isBlank()) {
            return false;
        }
        String given = accountIdOrAlias.trim().replace("-", "").matches("\\d{12}")
                ? accountIdOrAlias.trim().replace("-", "") : accountIdOrAlias.trim();
        if (given.equals(account.value())) {
            return true;
        }
        return settings.accountByAlias(given.toLowerCase(java.util.Locale.ROOT)).map(account::equals).orElse(false);
    }

    private Optional<User> findUser(String name) {
        try {
            return users.findByName(account, UserName.of(name));
        } catch (KeywardenException e) {
            return Optional.empty(); // not a valid user name: no such user
        }
    }

    private Refused refusedAfterWork(char[] password, String reason) {
        hasher.verify(password, decoy);
        return new Refused(reason);
    }
}
