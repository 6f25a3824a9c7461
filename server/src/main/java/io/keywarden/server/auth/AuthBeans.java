package io.keywarden.server.auth;

import io.keywarden.core.sigv4.SigV4Verifier;
import io.keywarden.core.sigv4.SigningKeyCache;
import io.keywarden.server.edge.EdgeSettings;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.time.Clock;

/** Core's SigV4 verifier (bound to this endpoint, {@link EdgeSettings#binding}) and its cache of derived signing keys. */
@Factory
public class AuthBeans {

    @Singleton
    SigningKeyCache signingKeyCache() {
        return SigningKeyCache.create();
    }

    @Singleton
    SigV4Verifier sigV4Verifier(Clock clock, SigningKeyCache signingKeys, EdgeSettings edge) {
        // bound to this endpoint: only the services it serves, and the configured regions and hosts
        return SigV4Verifier.create(clock, signingKeys, edge.binding());
    }
}
