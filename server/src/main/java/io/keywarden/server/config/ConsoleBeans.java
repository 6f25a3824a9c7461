package io.keywarden.server.config;

import io.keywarden.core.session.SessionTokens;
import io.keywarden.core.session.SessionRevocations;
import io.keywarden.core.signin.ConsoleSignIn;
import io.keywarden.core.signin.PasswordSignIn;
import io.keywarden.server.settings.KeywardenConfig;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

/** The console's sign-in: console sessions from a password or an access key. */
@Factory
public class ConsoleBeans {

    @Singleton
    ConsoleSignIn consoleSignIn(PasswordSignIn passwords, SessionTokens tokens, KeywardenConfig.Console console,
                                SessionRevocations revocations) {
        try {
            return new ConsoleSignIn(passwords, tokens, new ConsoleSignIn.Durations(
                    console.getUserSessionDuration(), console.getRootSessionDuration()), revocations);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("keywarden.console.*: " + e.getMessage());
        }
    }
}
