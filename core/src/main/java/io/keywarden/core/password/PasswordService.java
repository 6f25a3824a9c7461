package io.keywarden.core.password;

import io.keywarden.core.auth.Caller;
import io.keywarden.core.error.ErrorCode;
import io.keywarden.core.error.KeywardenException;
import io.keywarden.core.identity.AccountId;
import io.keywarden.core.identity.Principal;
import io.keywarden.core.identity.User;
import io.keywarden.core.operation.Catalogue;
import io.keywarden.core.port.AccountSettingsStore;
import io.keywarden.core.port.LoginProfileStore;
import io.keywarden.core.port.Page;
import io.keywarden.core.port.PageRequest;
import io.keywarden.core.service.AccessGuard;
import io.keywarden.core.service.IdentityService;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Console passwords as IAM has them: login profiles (CreateLoginProfile, GetLoginProfile, UpdateLoginProfile,
 * DeleteLoginProfile), ChangePassword, the account password policy and the account alias. A login profile acts on the
 * named user, or on the caller when no user is named (so the root user sets its own password; no IAM user can name
 * the root user). Every action is authorised through {@link AccessGuard} before anything is read or changed; passwords
 * are checked against the policy, hashed ({@link PasswordHasher}) and cleared, and never kept or returned.
 */
public final class PasswordService {
    private final AccessGuard guard;
    private final LoginProfileStore profiles;
    private final AccountSettingsStore settings;
    private final PasswordHasher hasher;
    private final Clock clock;

    public PasswordService(IdentityService identity, LoginProfileStore profiles, AccountSettingsStore settings,
                           PasswordHasher hasher, Clock clock) {
        this.guard = identity.guard();
        this.profiles = Objects.requireNonNull(profiles, "profiles");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public AccountId account() {
        return guard.account();
    }

    /** The policy in force: the account's, or {@link PasswordPolicy#NONE} (AWS's default) when none is set. */
    public PasswordPolicy policyInForce() {
        return settings.passwordPolicy(account()).orElse(PasswordPolicy.NONE);
    }

    // ---------------------------------------------------------------- login profiles

    /** Whose login profile an operation acts on: the owner's ID and name (null name for root). */
    private record Owner(String ownerId, String userName) {
        String describe() {
            return userName == null ? "root" : userName;
        }
    }

    private Owner owner(Caller caller, String action, String userName) {
        if (userName == null) {
            Principal p = caller.principal();
            if (!p.isRoot() && p.user().isEmpty()) {
                throw KeywardenException.of(ErrorCode.VALIDATION_ERROR,
                        "Must specify userName when calling with non-User credentials");
            }
            guard.authorize(caller, action, p.arn(), p.user().map(u -> "user " + u.userName().value())
                    .orElse(p.arn()));
            return p.user().map(u -> new Owner(u.userId(), u.userName().value()))
                    .orElseGet(() -> new Owner(account().value(), null));
        }
        User user = guard.requireUser(caller, action, userName);
        return new Owner(user.userId(), user.userName().value());
    }

    private static KeywardenException noProfile(Owner owner) {
        return KeywardenException.of(ErrorCode.NO_SUCH_ENTITY,
                "Login Profile for User " + owner.describe() + " cannot be found.");
    }

    private static KeywardenException unmodifiable(Owner owner) {
        return KeywardenException.of(ErrorCode.ENTITY_TEMPORARILY_UNMODIFIABLE, "Login Profile for User "
                + owner.describe() + " cannot be modified while login profile is being created or deleted.");
    }

    public LoginProfile createLoginProfile(Caller caller, String userName, Password password,
                                           boolean passwordResetRequired) {
        try {
            Owner owner = owner(caller, Catalogue.CREATE_LOGIN_PROFILE.action(), userName);
            if (password == null) {
                throw KeywardenException.validation("password", "Member must not be null");
            }
            policyInForce().check(password.chars(), owner.userName());
            Instant now = now();
            LoginProfile profile = new LoginProfile(account(), owner.ownerId(), owner.userName(),
                    hasher.hash(password.chars()), now, now, passwordResetRequired, null);
            if (!profiles.insert(profile)) {
                throw KeywardenException.of(ErrorCode.ENTITY_ALREADY_EXISTS,
                        "Login Profile for user " + owner.describe() + " already exists.");
            }
            return profile;
        } finally {
            clear(password);
        }
    }

    public LoginProfile getLoginProfile(Caller caller, String userName) {
        Owner owner = owner(caller, Catalogue.GET_LOGIN_PROFILE.action(), userName);
        return profiles.find(account(), owner.ownerId()).orElseThrow(() -> noProfile(owner));
    }

    /** A new password and/or the reset flag; what is null stays. A new password also lifts a lock-out. */
    public void updateLoginProfile(Caller caller, String userName, Password password, Boolean passwordResetRequired) {
        try {
            Owner owner = owner(caller, Catalogue.UPDATE_LOGIN_PROFILE.action(), userName);
            LoginProfile profile = profiles.find(account(), owner.ownerId()).orElseThrow(() -> noProfile(owner));
            boolean reset = passwordResetRequired == null ? profile.passwordResetRequired() : passwordResetRequired;
            LoginProfile updated = password == null ? profile.withResetRequired(reset)
                    : profile.withPassword(newHash(owner, password), now(), reset);
            if (!profiles.update(updated, password != null)) {
                throw unmodifiable(owner);
            }
            if (password != null) {
                profiles.clearFailures(account(), owner.ownerId());
            }
        } finally {
            clear(password);
        }
    }

    public void deleteLoginProfile(Caller caller, String userName) {
        Owner owner = owner(caller, Catalogue.DELETE_LOGIN_PROFILE.action(), userName);
        if (!profiles.delete(account(), owner.ownerId())) {
            throw noProfile(owner);
        }
    }

    /**
     * An IAM user changes their own password. Allowed to every user when the policy's AllowUsersToChangePassword is
     * set (as AWS), otherwise only by the user's policies ({@code iam:ChangePassword} on their own ARN). Clears
     * PasswordResetRequired.
     */
    public void changePassword(Caller caller, Password oldPassword, Password newPassword) {
        try {
            Principal p = caller.principal();
            User user = p.user().orElseThrow(() -> KeywardenException.of(ErrorCode.INVALID_USER_TYPE,
                    "Only IAM users can change their own password with ChangePassword."));
            PasswordPolicy policy = policyInForce();
            if (!policy.allowUsersToChangePassword()) {
                guard.authorize(caller, Catalogue.CHANGE_PASSWORD.action(), user.arn(),
                        "user " + user.userName().value());
            }
            Owner owner = new Owner(user.userId(), user.userName().value());
            LoginProfile profile = profiles.find(account(), owner.ownerId()).orElseThrow(() -> noProfile(owner));
            if (!hasher.verify(oldPassword.chars(), profile.passwordHash())) {
                throw KeywardenException.of(ErrorCode.INVALID_USER_TYPE, "The old password is incorrect.");
            }
            if (!profiles.update(profile.withPassword(newHash(owner, newPassword), now(), false), true)) {
                throw unmodifiable(owner);
            }
        } finally {
            clear(oldPassword);
            clear(newPassword);
        }
    }

    /** The policy's checks, the reuse check against the last hashes, then the new hash. */
    private String newHash(Owner owner, Password password) {
        PasswordPolicy policy = policyInForce();
        policy.check(password.chars(), owner.userName());
        if (policy.passwordReusePrevention() != null) {
            int n = policy.passwordReusePrevention();
            for (String previous : profiles.recentHashes(account(), owner.ownerId(), n)) {
                if (hasher.verify(password.chars(), previous)) {
                    throw KeywardenException.of(ErrorCode.PASSWORD_POLICY_VIOLATION,
                            "Password should not be one of your last " + n + " passwords");
                }
            }
        }
        return hasher.hash(password.chars());
    }

    private static void clear(Password password) {
        if (password != null) {
            password.clear();
        }
    }

    // ---------------------------------------------------------------- password policy

    /** The account's policy; {@code NoSuchEntity} when none is set, as AWS. */
    public PasswordPolicy getAccountPasswordPolicy(Caller caller) {
        guard.authorizeAny(caller, Catalogue.GET_ACCOUNT_PASSWORD_POLICY.action());
        return settings.passwordPolicy(account()).orElseThrow(this::noPolicy);
    }

    public void updateAccountPasswordPolicy(Caller caller, PasswordPolicy policy) {
        guard.authorizeAny(caller, Catalogue.UPDATE_ACCOUNT_PASSWORD_POLICY.action());
        settings.putPasswordPolicy(account(), Objects.requireNonNull(policy, "policy"));
    }

    public void deleteAccountPasswordPolicy(Caller caller) {
        guard.authorizeAny(caller, Catalogue.DELETE_ACCOUNT_PASSWORD_POLICY.action());
        if (!settings.deletePasswordPolicy(account())) {
            throw noPolicy();
        }
    }

    private KeywardenException noPolicy() {
        return KeywardenException.of(ErrorCode.NO_SUCH_ENTITY,
                "The Password Policy with domain name " + account().value() + " cannot be found.");
    }

    // ---------------------------------------------------------------- account alias

    /** Sets the account's one alias (replacing the one it had, as the console's "Edit" does). */
    public void createAccountAlias(Caller caller, String alias) {
        guard.authorizeAny(caller, Catalogue.CREATE_ACCOUNT_ALIAS.action());
        Optional<String> current = settings.alias(account());
        if (current.isPresent() && current.get().equals(alias)) {
            return;
        }
        settings.putAlias(account(), alias);
    }

    public Page<String> listAccountAliases(Caller caller, PageRequest page) {
        guard.authorizeAny(caller, Catalogue.LIST_ACCOUNT_ALIASES.action());
        String after = page.afterKey();
        List<String> aliases = settings.alias(account()).stream()
                .filter(a -> after == null || a.compareTo(after) > 0).toList();
        return Page.complete(aliases);
    }

    public void deleteAccountAlias(Caller caller, String alias) {
        guard.authorizeAny(caller, Catalogue.DELETE_ACCOUNT_ALIAS.action());
        if (!settings.deleteAlias(account(), alias)) {
            throw KeywardenException.of(ErrorCode.NO_SUCH_ENTITY, "The account alias " + alias + " cannot be found.");
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
