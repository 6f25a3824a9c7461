package io.keywarden.server.config;

import io.keywarden.server.settings.KeywardenConfig;
import io.keywarden.core.crypto.MasterKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The master key that seals secrets at rest: {@code keywarden.master-key} (base64 of 32 bytes) when configured,
 * otherwise {@code <data-dir>/master.key}, generated (mode 0600) at first start.
 */
final class MasterKeyLoader {
    static final String FILE_NAME = "master.key";
    /** The version new secrets are sealed under; rotation (a list of older keys) comes later. */
    static final int VERSION = 1;
    private static final Logger LOG = LoggerFactory.getLogger(MasterKeyLoader.class);

    private MasterKeyLoader() {
    }

    static MasterKey load(KeywardenConfig config, SecureRandom random) {
        if (config.getMasterKey() != null) {
            try {
                return MasterKey.fromBase64(VERSION, config.getMasterKey());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("keywarden.master-key (KEYWARDEN_MASTER_KEY) is invalid: "
                        + e.getMessage() + "; expected the base64 of 32 random bytes");
            }
        }
        Path dir = DataFiles.ensureDirectory(config.dataDirPath());
        Path file = dir.resolve(FILE_NAME);
        try {
            if (Files.exists(file)) {
                String text = Files.readString(file, StandardCharsets.US_ASCII).trim();
                try {
                    return MasterKey.fromBase64(VERSION, text);
                } catch (IllegalArgumentException e) {
                    throw new IllegalStateException(file + " is not a valid master key: " + e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the master key " + file, e);
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        DataFiles.writeSecretFile(file, Base64.getEncoder().encodeToString(bytes) + "\n");
        LOG.info("generated a new master key in {} (keep it with the database: without it no secret can be read)",
                file);
        return MasterKey.of(VERSION, bytes);
    }
}
