package io.keywarden.server.persistence.contract;

import io.keywarden.core.authz.RootOnlyAuthorizer;
import io.keywarden.core.crypto.MasterKey;
import io.keywarden.core.crypto.SecretSealer;
import io.keywarden.core.port.AccessKeyStore;
import io.keywarden.core.port.UserStore;
import io.keywarden.core.service.IdentityService;
import io.keywarden.core.testing.InMemoryAccessKeyStore;
import io.keywarden.core.testing.InMemoryUserStore;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;

/** The access key store contract on core's in-memory stores, which the use-case tests rely on. */
class InMemoryAccessKeyStoreTest extends AccessKeyStoreContract {
    @Override
    protected Map<Class<?>, Object> inMemoryStores() {
        InMemoryUserStore users = new InMemoryUserStore();
        InMemoryAccessKeyStore keys = new InMemoryAccessKeyStore();
        SecureRandom random = new SecureRandom();
        IdentityService identity = IdentityService.builder()
                .account(account)
                .users(users).keys(keys).sealer(SecretSealer.create(MasterKey.of(1, new byte[32]), random))
                .authorizer(new RootOnlyAuthorizer()).random(random).clock(Clock.systemUTC())
                .build();
        return Map.of(UserStore.class, users, AccessKeyStore.class, keys, IdentityService.class, identity);
    }
}
