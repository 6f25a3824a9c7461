package io.keywarden.server.config;

import io.keywarden.core.audit.AuditCheckpointSigner;
import io.keywarden.server.settings.KeywardenConfig;
import io.keywarden.core.audit.AuditService;
import io.keywarden.core.auth.CredentialResolver;
import io.keywarden.core.authz.Authorizer;
import io.keywarden.core.authz.RootOnlyAuthorizer;
import io.keywarden.core.crypto.MasterKey;
import io.keywarden.core.crypto.SecretSealer;
import io.keywarden.core.identity.Account;
import io.keywarden.core.port.AccessKeyStore;
import io.keywarden.core.port.AuditStore;
import io.keywarden.core.port.KeyChangeListener;
import io.keywarden.core.port.UserStore;
import io.keywarden.core.service.IdentityService;
import io.keywarden.core.service.KeyRules;
import io.keywarden.core.service.MasterKeyService;
import io.keywarden.core.port.ResealLedger;
import io.keywarden.core.port.SealedSecretStore;
import io.keywarden.server.persistence.JdbcAccountStore;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Secondary;
import jakarta.inject.Singleton;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;

/** Wires core (which knows no framework) into the server: time, randomness, the account, sealing, the use cases. */
@Factory
public class CoreBeans {

    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    /** The platform's default (non-blocking) CSPRNG; it makes secrets, key IDs, nonces and the master key. */
    @Singleton
    SecureRandom secureRandom() {
        return new SecureRandom();
    }

    @Singleton
    KeyRules keyRules(KeywardenConfig.Keys keys) {
        return new KeyRules(keys.getMaxPerUser(), keys.isRequireInactiveBeforeDelete());
    }

    /**
     * The fallback when no primary {@link Authorizer} is defined: root may do everything, IAM users only
     * GetCallerIdentity. {@link PermissionBeans} replaces it with the policy authorizer.
     */
    @Singleton
    @Secondary
    Authorizer rootOnlyAuthorizer() {
        return new RootOnlyAuthorizer();
    }

    /** The hosted account, created (or checked against the configuration) at start-up. */
    @Singleton
    Account account(KeywardenConfig config, JdbcAccountStore accounts, Clock clock, SecureRandom random) {
        return AccountBootstrap.loadOrCreate(config, accounts, clock, random);
    }

    /** The master keys (configured, or read from or generated into the data folder), ascending by version. */
    @Singleton
    MasterKeyRing masterKeyRing(KeywardenConfig config, SecureRandom random) {
        return new MasterKeyRing(MasterKeyLoader.loadAll(config, random));
    }

    /** The newest master key: it seals new secrets. */
    @Singleton
    MasterKey masterKey(MasterKeyRing ring) {
        return ring.newest();
    }

    @Singleton
    SecretSealer secretSealer(MasterKeyRing ring, SecureRandom random) {
        return SecretSealer.create(ring.newest(), ring.keys(), random);
    }

    @Singleton
    MasterKeyService masterKeyService(SecretSealer sealer, SealedSecretStore secrets, ResealLedger ledger,
                                      IdentityService identity, Clock clock) {
        return new MasterKeyService(sealer, secrets, ledger, identity.guard(), clock);
    }

    @Singleton
    CredentialResolver credentialResolver(Account account, UserStore users, AccessKeyStore keys, SecretSealer sealer) {
        return new CredentialResolver(account.id(), users, keys, sealer);
    }

    @Singleton
    AuditCheckpointSigner auditCheckpointSigner(MasterKeyRing ring) {
        return AuditCheckpointSigner.of(ring.keys());
    }

    @Singleton
    AuditService auditService(AuditStore store, IdentityService identity, AuditCheckpointSigner checkpoints) {
        return new AuditService(store, identity.guard(), checkpoints);
    }

    @Singleton
    IdentityService identityService(Account account, UserStore users, AccessKeyStore keys, SecretSealer sealer,
                                    Authorizer authorizer, SecureRandom random, Clock clock, KeyRules rules,
                                    List<KeyChangeListener> keyChangeListeners) {
        List<KeyChangeListener> listeners = List.copyOf(keyChangeListeners);
        return IdentityService.builder()
                .account(account)
                .users(users)
                .keys(keys)
                .sealer(sealer)
                .authorizer(authorizer)
                .random(random)
                .clock(clock)
                .rules(rules)
                .keyChanges(id -> listeners.forEach(l -> l.accessKeyChanged(id)))
                .build();
    }
}
