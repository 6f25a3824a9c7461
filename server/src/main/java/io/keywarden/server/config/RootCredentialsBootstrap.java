package io.keywarden.server.config;

import io.keywarden.server.settings.KeywardenConfig;
import io.keywarden.core.crypto.SecretSealer;
import io.keywarden.core.error.KeywardenException;
import io.keywarden.core.identity.Account;
import io.keywarden.core.keys.AccessKeyId;
import io.keywarden.core.keys.NewAccessKey;
import io.keywarden.core.keys.SecretAccessKey;
import io.keywarden.core.port.AccessKeyStore;
import io.keywarden.core.port.StoredAccessKey;
import io.keywarden.core.service.IdentityService;
import io.keywarden.core.service.MasterKeyService;
import io.keywarden.server.persistence.JdbcAccessKeyStore;
import io.keywarden.server.persistence.JdbcAccountStore;
import io.micronaut.context.annotation.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * Runs once at start-up, before the server accepts requests (SPEC §8):
 * <ul>
 *   <li>checks that every master key version sealing stored secrets is configured, and that the master key opens
 *       the stored secrets (a wrong {@code KEYWARDEN_MASTER_KEY} stops the start
 *       instead of failing every request);</li>
 *   <li>when {@code keywarden.root-access-key-id} and {@code keywarden.root-secret-access-key} are set, makes that
 *       pair a root key;</li>
 *   <li>otherwise, at the account's first start only, issues a root key and writes it once to
 *       {@code <data-dir>/root-credentials.csv} (mode 0600, the AWS console's format). That the bootstrap ran is
 *       recorded in the database ({@code accounts.root_key_bootstrapped_at}, claimed by one node only), so a root key
 *       deleted later stays deleted across restarts and nodes; {@code KEYWARDEN_REISSUE_ROOT_KEY=true} issues a new one
 *       at a start when the root user has none.</li>
 * </ul>
 */
@Context
public class RootCredentialsBootstrap {
    public static final String CREDENTIALS_FILE = "root-credentials.csv";
    private static final Logger LOG = LoggerFactory.getLogger(RootCredentialsBootstrap.class);

    public RootCredentialsBootstrap(KeywardenConfig config, Account account, IdentityService identity,
                                    AccessKeyStore keys, JdbcAccessKeyStore jdbcKeys, SecretSealer sealer,
                                    JdbcAccountStore accounts, Clock clock, MasterKeyService masterKeys) {
        // every master key version in use must be configured (one indexed query), and the key must be the right one
        masterKeys.checkConfiguration();
        checkMasterKey(account, jdbcKeys, sealer);
        String id = config.getRootAccessKeyId();
        String secret = config.getRootSecretAccessKey();
        if (id != null || secret != null) {
            if (id == null || secret == null) {
                throw new IllegalStateException("set both KEYWARDEN_ROOT_ACCESS_KEY_ID and"
                        + " KEYWARDEN_ROOT_SECRET_ACCESS_KEY (keywarden.root-access-key-id and"
                        + " keywarden.root-secret-access-key), or neither");
            }
            AccessKeyId keyId;
            SecretAccessKey secretKey;
            try {
                keyId = AccessKeyId.of(id);
                secretKey = SecretAccessKey.of(secret);
            } catch (KeywardenException e) {
                throw new IllegalStateException("the configured root access key is invalid: " + e.getMessage());
            }
            if (!AccessKeyId.isWellFormed(id)) {
                // authentication refuses any other shape before looking a key up: such a root key could never sign in
                throw new IllegalStateException("the configured root access key ID must be AKIA followed by 16"
                        + " characters of A-Z and 2-7");
            }
            identity.ensureRootKey(keyId, secretKey);
            accounts.claimRootKeyBootstrap(account.id(), clock.instant());
            LOG.info("root user authenticates with the configured access key {}", keyId);
            return;
        }
        boolean first = accounts.claimRootKeyBootstrap(account.id(), clock.instant());
        boolean none = keys.listByOwner(account.id(), account.id().value()).isEmpty();
        if (none && !first && !config.isReissueRootKey()) {
            LOG.info("the root user has no access key and its bootstrap ran before: none is issued (set"
                    + " KEYWARDEN_REISSUE_ROOT_KEY=true for one start to issue a new one)");
        }
        if (none && (first || config.isReissueRootKey())) {
            NewAccessKey key = identity.issueRootKey();
            Path file = DataFiles.ensureDirectory(config.dataDirPath()).resolve(CREDENTIALS_FILE);
            DataFiles.writeSecretFile(file, "Access key ID,Secret access key\n"
                    + key.key().id().value() + "," + key.secret().reveal() + "\n");
            LOG.info("issued root access key {}; its secret is in {} (mode 0600): store it safely and delete the file",
                    key.key().id(), file);
        }
    }

    private static void checkMasterKey(Account account, JdbcAccessKeyStore jdbcKeys, SecretSealer sealer) {
        Optional<StoredAccessKey> sample = jdbcKeys.findAnyLive(account.id());
        if (sample.isPresent()) {
            try {
                sealer.unseal(sample.get().key().id(), sample.get().sealedSecret());
            } catch (SecretSealer.SealingException e) {
                throw new IllegalStateException("the master key does not open the stored secrets (" + e.getMessage()
                        + "); configure the master key this database was created with");
            }
        }
    }
}
