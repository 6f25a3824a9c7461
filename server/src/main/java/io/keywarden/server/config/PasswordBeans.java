package io.keywarden.server.config;

import io.keywarden.core.error.ErrorCode;
import io.keywarden.core.error.KeywardenException;
import io.keywarden.core.identity.Account;
import io.keywarden.core.password.Argon2Parameters;
import io.keywarden.core.password.PasswordHasher;
import io.keywarden.core.password.PasswordService;
import io.keywarden.core.port.AccountSettingsStore;
import io.keywarden.core.port.LoginProfileStore;
import io.keywarden.core.port.UserStore;
import io.keywarden.core.service.IdentityService;
import io.keywarden.core.notify.Notifications;
import io.keywarden.core.signin.PasswordSignIn;
import io.keywarden.core.signin.PasswordSignInService;
import io.keywarden.server.settings.PasswordConfig;
import io.keywarden.server.signin.Argon2idPasswordHasher;
import io.keywarden.server.signin.ThrottlingPasswordSignIn;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.security.SecureRandom;
import java.time.Clock;

/**
 * Console passwords: the Argon2id hasher, the login profile / policy / alias use cases, and the real
 * {@link PasswordSignIn} (lock-out in the database, per-source throttle in memory) that the console's sign-in calls.
 * The console's sign-in ({@code ConsoleBeans}) calls it.
 */
@Factory
public class PasswordBeans {

    @Singleton
    PasswordHasher passwordHasher(PasswordConfig config, SecureRandom random) {
        return new Argon2idPasswordHasher(new Argon2Parameters(config.getArgon2MemoryKib(),
                config.getArgon2Iterations(), config.getArgon2Parallelism(), 16, 32), random);
    }

    /**
     * Created with the context, not on first use: it adds "no login profile left" to DeleteUser (AWS's
     * {@code DeleteConflict}), which must hold from the first request on.
     */
    @Context
    PasswordService passwordService(IdentityService identity, LoginProfileStore profiles,
                                    AccountSettingsStore settings, PasswordHasher hasher, Clock clock) {
        identity.addDeleteGuard(user -> {
            if (profiles.find(identity.accountId(), user.userId()).isPresent()) {
                throw KeywardenException.of(ErrorCode.DELETE_CONFLICT,
                        "Cannot delete entity, must delete login profile first.");
            }
        });
        return new PasswordService(identity, profiles, settings, hasher, clock);
    }

    @Singleton
    PasswordSignIn passwordSignIn(Account account, UserStore users, LoginProfileStore profiles,
                                  AccountSettingsStore settings, PasswordHasher hasher, Clock clock,
                                  SecureRandom random, PasswordConfig config, Notifications notifications,
                                  io.keywarden.core.port.Transactions transactions) {
        PasswordSignInService check = new PasswordSignInService(account.id(), users, profiles, settings, hasher, clock,
                config.getLockAfter(), config.getLockFor(), random, notifications, transactions);
        return new ThrottlingPasswordSignIn(check, config.getSourceAttempts(), config.getSourceWindow(),
                config.getSourceAddresses(), clock);
    }
}
