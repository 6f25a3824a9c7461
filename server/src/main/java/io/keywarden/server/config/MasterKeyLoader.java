package io.keywarden.server.config;

import io.keywarden.server.settings.KeywardenConfig;
import io.keywarden.core.crypto.MasterKey;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The master keys that seal secrets at rest, ascending by version (the last, the highest, seals new secrets):
 * <ol>
 *   <li>{@code keywarden.master-keys} ({@code KEYWARDEN_MASTER_KEYS}, {@code 1:base64,2:base64}) and/or
 *       {@code keywarden.master-key} ({@code KEYWARDEN_MASTER_KEY}, version 1) when configured;</li>
 *   <li>otherwise the data folder's {@code master.key} (version 1) and {@code master-<version>.key} files;</li>
 *   <li>otherwise a new {@code master.key}, generated (mode 0600) at first start.</li>
 * </ol>
 * An existing data folder or {@code KEYWARDEN_MASTER_KEY} keeps working unchanged: it is version 1.
 */
final class MasterKeyLoader {
    static final String FILE_NAME = "master.key";
    /** The version of {@code master.key} and {@code KEYWARDEN_MASTER_KEY}. */
    static final int VERSION = 1;
    private static final Pattern VERSIONED_FILE = Pattern.compile("master-([0-9]{1,9})\\.key");
    private static final Logger LOG = LoggerFactory.getLogger(MasterKeyLoader.class);

    private MasterKeyLoader() {
    }

    static List<MasterKey> loadAll(KeywardenConfig config, SecureRandom random) {
        List<MasterKey> keys = configured(config);
        if (keys == null) {
            keys = fromDataDir(config, random);
        }
        LOG.info("master key versions {} configured; new secrets are sealed under version {}",
                keys.stream().map(MasterKey::version).toList(), keys.get(keys.size() - 1).version());
        return keys;
    }

    /** The newest of {@link #loadAll}. */
    static MasterKey load(KeywardenConfig config, SecureRandom random) {
        List<MasterKey> keys = loadAll(config, random);
        return keys.get(keys.size() - 1);
    }

    private static List<MasterKey> configured(KeywardenConfig config) {
        if (config.getMasterKey() == null && config.getMasterKeys() == null) {
            return null;
        }
        TreeMap<Integer, MasterKey> keys = new TreeMap<>();
        if (config.getMasterKeys() != null) {
            try {
                for (MasterKey k : MasterKey.parseList(config.getMasterKeys())) {
                    keys.put(k.version(), k);
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("keywarden.master-keys (KEYWARDEN_MASTER_KEYS) is invalid: "
                        + e.getMessage() + "; expected <version>:<base64 of 32 random bytes>, comma-separated");
            }
        }
        if (config.getMasterKey() != null) {
            MasterKey single;
            try {
                single = MasterKey.fromBase64(VERSION, config.getMasterKey());
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("keywarden.master-key (KEYWARDEN_MASTER_KEY) is invalid: "
                        + e.getMessage() + "; expected the base64 of 32 random bytes");
            }
            MasterKey listed = keys.putIfAbsent(VERSION, single);
            if (listed != null && !listed.equals(single)) {
                throw new IllegalStateException("KEYWARDEN_MASTER_KEY (version 1) and version 1 of"
                        + " KEYWARDEN_MASTER_KEYS differ: set one of them");
            }
        }
        return List.copyOf(keys.values());
    }

    private static List<MasterKey> fromDataDir(KeywardenConfig config, SecureRandom random) {
        Path dir = DataFiles.ensureDirectory(config.dataDirPath());
        TreeMap<Integer, MasterKey> keys = new TreeMap<>();
        Path file = dir.resolve(FILE_NAME);
        try {
            if (Files.exists(file)) {
                keys.put(VERSION, read(file, VERSION));
            }
            try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "master-*.key")) {
                for (Path f : files) {
                    Matcher m = VERSIONED_FILE.matcher(f.getFileName().toString());
                    if (!m.matches()) {
                        continue;
                    }
                    int version = Integer.parseInt(m.group(1));
                    if (version < 1) {
                        throw new IllegalStateException(f + ": master key versions start at 1");
                    }
                    MasterKey key = read(f, version);
                    MasterKey other = keys.putIfAbsent(version, key);
                    if (other != null && !other.equals(key)) {
                        throw new IllegalStateException(f + " and " + file + " are both version 1 and differ:"
                                + " keep one of them");
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the master keys in " + dir, e);
        }
        if (!keys.isEmpty()) {
            return List.copyOf(keys.values());
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        DataFiles.writeSecretFile(file, Base64.getEncoder().encodeToString(bytes) + "\n");
        LOG.info("generated a new master key in {} (keep it with the database: without it no secret can be read)",
                file);
        return new ArrayList<>(List.of(MasterKey.of(VERSION, bytes)));
    }

    private static MasterKey read(Path file, int version) throws IOException {
        String text = Files.readString(file, StandardCharsets.US_ASCII).trim();
        try {
            return MasterKey.fromBase64(version, text);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(file + " is not a valid master key: " + e.getMessage());
        }
    }
}
