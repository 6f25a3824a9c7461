package io.keywarden.server.config;

import io.keywarden.core.identity.Account;
import io.keywarden.core.session.SessionService;
import io.keywarden.core.session.SessionTokens;
import io.keywarden.core.session.TokenKeys;
import io.keywarden.server.settings.KeywardenConfig;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.security.SecureRandom;
import java.time.Clock;

/** Temporary credentials: the token keys, the token codec (issuing and opening sessions), GetSessionToken. */
@Factory
public class SessionBeans {

    /**
     * {@code keywarden.sessions.token-keys} when configured, otherwise one key derived from each master key (so every
     * node sharing the master keys opens every node's tokens).
     */
    @Singleton
    TokenKeys tokenKeys(KeywardenConfig.Sessions sessions, MasterKeyRing masterKeys) {
        if (sessions.getTokenKeys() == null) {
            // the newest master key's seals; older versions' open the tokens issued before a rotation
            return TokenKeys.derivedFrom(masterKeys.keys());
        }
        try {
            return TokenKeys.parse(sessions.getTokenKeys());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("keywarden.sessions.token-keys (KEYWARDEN_SESSION_TOKEN_KEYS) is invalid: "
                    + e.getMessage() + "; expected kid:base64(32 random bytes), comma-separated, the first sealing");
        }
    }

    @Singleton
    SessionTokens sessionTokens(Account account, TokenKeys keys, Clock clock, SecureRandom random) {
        return new SessionTokens(account.id(), keys, clock, random);
    }

    @Singleton
    SessionService sessionService(SessionTokens tokens) {
        return new SessionService(tokens);
    }
}
