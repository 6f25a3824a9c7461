package io.keywarden.server.expiry;

import io.keywarden.core.expiry.KeyExpiryService;
import io.keywarden.core.port.AccessKeyStore;
import io.keywarden.core.port.AuditStore;
import io.keywarden.core.port.KeyExpiryStore;
import io.keywarden.core.port.UserStore;
import io.keywarden.core.port.UserTagStore;
import io.keywarden.core.service.IdentityService;
import io.keywarden.server.http.RequestIds;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.time.Clock;

/** The key expiry use cases; their actions are audited through the trail that also writes the outbox. */
@Factory
public class KeyExpiryBeans {
    @Singleton
    KeyExpiryService keyExpiryService(IdentityService identity, UserStore users, UserTagStore tags,
                                      AccessKeyStore keys, KeyExpiryStore store, AuditStore audit, Clock clock) {
        return new KeyExpiryService(identity, users, tags, keys, store, audit, RequestIds::newId, clock);
    }
}
