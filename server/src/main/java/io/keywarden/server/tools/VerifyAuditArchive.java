package io.keywarden.server.tools;

import io.keywarden.core.audit.AuditArchive;
import io.keywarden.core.audit.AuditChain;
import io.keywarden.core.audit.AuditCheckpointSigner;
import io.keywarden.core.crypto.MasterKey;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Verifies audit archives offline (docs/operations.md, "Audit retention"):
 *
 * <pre>java -cp keywarden-server.jar io.keywarden.server.tools.VerifyAuditArchive [--master-key-file FILE]
 *     ARCHIVE-OR-FOLDER...</pre>
 *
 * Each archive's events must match their hashes and follow one another from the header's {@code prevHash}; its
 * trailer's checkpoint must name its last event; consecutive archives (in file-name order, which is chain order) must
 * continue one another, the first from the genesis hash unless {@code --after-hash HASH} says where the oldest kept
 * archive starts. With the master key ({@code --master-key-file}, or {@code KEYWARDEN_MASTER_KEY} in the
 * environment), each checkpoint's signature is checked too; after a master key rotation give every version's file
 * ({@code --master-key-file} repeated: {@code master-<version>.key} is that version, any other name version 1). Prints one line per archive; exit status 0 when all hold,
 * 1 when one does not, 2 on a usage error. The last line names the last position and hash, to compare with the
 * checkpoint {@code GET /v1/audit-events/verify} reports ({@code checkpointSeq}).
 */
public final class VerifyAuditArchive {
    private VerifyAuditArchive() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv("KEYWARDEN_MASTER_KEY"), System.out));
    }

    /** {@code master-<version>.key} is that version; any other file (e.g. {@code master.key}) is version 1. */
    static int versionOf(Path file) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("master-(\\d{1,6})\\.key")
                .matcher(file.getFileName().toString());
        return m.matches() ? Integer.parseInt(m.group(1)) : 1;
    }

    /** The command, with the environment's master key given; returns the exit status. */
    public static int run(String[] args, String masterKeyFromEnvironment, PrintStream out) {
        List<Path> files = new ArrayList<>();
        java.util.Map<Integer, String> masterKeys = new java.util.TreeMap<>();
        if (masterKeyFromEnvironment != null && !masterKeyFromEnvironment.isBlank()) {
            masterKeys.put(1, masterKeyFromEnvironment);
        }
        String expectedPrev = AuditChain.GENESIS;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--master-key-file" -> {
                        Path file = Path.of(args[++i]);
                        masterKeys.put(versionOf(file), Files.readString(file, StandardCharsets.US_ASCII).trim());
                    }
                    case "--after-hash" -> expectedPrev = args[++i];
                    default -> {
                        Path p = Path.of(args[i]);
                        if (Files.isDirectory(p)) {
                            try (Stream<Path> s = Files.list(p)) {
                                s.filter(f -> f.getFileName().toString().endsWith(".jsonl.gz")).sorted()
                                        .forEach(files::add);
                            }
                        } else {
                            files.add(p);
                        }
                    }
                }
            }
        } catch (IOException | ArrayIndexOutOfBoundsException e) {
            out.println("usage: VerifyAuditArchive [--master-key-file FILE] [--after-hash HASH] ARCHIVE-OR-FOLDER...");
            return 2;
        }
        if (files.isEmpty()) {
            out.println("no archive given");
            return 2;
        }
        AuditCheckpointSigner signer = null;
        if (!masterKeys.isEmpty()) {
            try {
                List<MasterKey> keys = new ArrayList<>();
                masterKeys.forEach((version, base64) -> keys.add(MasterKey.fromBase64(version, base64)));
                signer = AuditCheckpointSigner.of(keys);
            } catch (IllegalArgumentException e) {
                out.println("the master key is invalid: " + e.getMessage());
                return 2;
            }
        } else {
            out.println("no master key: the checkpoints' signatures are not checked");
        }
        boolean allIntact = true;
        String prev = expectedPrev;
        AuditArchive.Verification last = null;
        for (Path file : files) {
            AuditArchive.Verification v;
            try (InputStream in = Files.newInputStream(file)) {
                v = AuditArchive.verify(in, signer);
            } catch (IOException e) {
                out.println(file + ": unreadable: " + e.getMessage());
                allIntact = false;
                continue;
            }
            if (v.intact() && !v.prevHash().equals(prev)) {
                v = new AuditArchive.Verification(false, v.accountId(), v.firstSeq(), v.lastSeq(), v.prevHash(),
                        v.lastHash(), v.events(), v.checkpoint(), "does not continue the archive before it (its first"
                        + " event follows " + v.prevHash() + ", the one before ends with " + prev + ")");
            }
            if (v.intact()) {
                out.println(file + ": intact, events " + v.firstSeq() + " to " + v.lastSeq() + " (" + v.events()
                        + "), last hash " + v.lastHash() + (signer == null ? "" : ", checkpoint signature valid"));
                prev = v.lastHash();
                last = v;
            } else {
                out.println(file + ": BROKEN: " + v.problem());
                allIntact = false;
                prev = v.lastHash() == null ? prev : v.lastHash();
            }
        }
        if (allIntact && last != null) {
            out.println("all archives intact up to event " + last.lastSeq() + " with hash " + last.lastHash());
        }
        return allIntact ? 0 : 1;
    }
}
