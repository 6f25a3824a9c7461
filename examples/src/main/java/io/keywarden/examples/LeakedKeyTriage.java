package io.keywarden.examples;

import io.keywarden.core.keys.KeyStatus;
import io.keywarden.sdk.KeywardenClient;
import io.keywarden.sdk.exception.AccessDeniedException;
import io.keywarden.sdk.exception.KeywardenServiceException;
import io.keywarden.sdk.exception.NoSuchEntityException;
import io.keywarden.sdk.exception.ValidationException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.keywarden.sdk.model.AccessKeyInfo;
import io.keywarden.sdk.model.AuditEvent;
import io.keywarden.sdk.model.LookupAuditEventsRequest;
import io.keywarden.sdk.model.KeyOwner;
import io.keywarden.sdk.model.QuarantineResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scans files for access key IDs, says which account owns each (GetAccessKeyInfo) and, for an administrator, which
 * user and whether it is Active ({@code AKIA}), or which STS call issued it — session, role, session name, source
 * identity, who requested it — and the calls made with it ({@code ASIA}, from the audit trail);
 * {@code --deactivate} deactivates the Active long-term keys; {@code --quarantine} attaches the built-in quarantine
 * policy to their owners (QuarantineAccessKey: everything denied but rotating their own keys; undone by detaching
 * it), deactivating as well with {@code --deactivate}.
 */
@Command(name = "leaked-key-triage", mixinStandardHelpOptions = true,
        description = {"Scans files and directories (recursively; .git and similar are skipped) for access key IDs "
                + "(AKIA... and ASIA...), reports the account that owns each (GetAccessKeyInfo) and, when the "
                + "credentials are an administrator's, the owning user and whether the key is Active; for a "
                + "temporary ASIA key, the session, role, source identity and who requested it, and the calls made "
                + "with it (from the audit trail). With "
                + "--deactivate, deactivates the Active keys of this account (never the key this program signs with). "
                + "With --quarantine, attaches the built-in quarantine policy to each long-term key's owner (denying "
                + "everything but rotating its own keys; detach it to undo); root keys cannot be quarantined.",
                "Exits 0 when no key ID was found or none is still Active, 1 otherwise."})
final class LeakedKeyTriage extends ExampleCommand {
    static final Pattern KEY_ID = Pattern.compile("\\b(AKIA|ASIA)[A-Z2-7]{16}\\b");
    private static final Set<String> SKIPPED_DIRECTORIES = Set.of(".git", ".hg", ".svn", "node_modules", "target");
    private static final long MAX_FILE_SIZE = 50L * 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Files or directories to scan.")
    List<Path> paths;

    @Option(names = "--deactivate", description = "Deactivate every Active key found that belongs to this account.")
    boolean deactivate;

    @Option(names = "--quarantine", description = "Quarantine the owners of the long-term keys found in this account"
            + " (QuarantineAccessKey; with --deactivate, deactivates the keys in the same call).")
    boolean quarantine;

    /** Where a key ID was seen: file and line. */
    record Sighting(Path file, int line) {
        @Override
        public String toString() {
            return file + ":" + line;
        }
    }

    @Override
    protected int execute() throws IOException {
        Map<String, List<Sighting>> found = scan();
        if (found.isEmpty()) {
            out().println("no access key IDs found");
            return OK;
        }
        boolean stillActive = false;
        try (KeywardenClient client = connection.client(environment())) {
            String ownAccount = client.callerIdentity().account();
            String ownKey = client.credentialsProvider().resolveCredentials().accessKeyId();
            for (Map.Entry<String, List<Sighting>> entry : found.entrySet()) {
                String keyId = entry.getKey();
                out().println(keyId + "  found in " + describe(entry.getValue()));
                stillActive |= triage(client, keyId, ownAccount, ownKey,
                        "leaked-key-triage: found in " + describe(entry.getValue()));
            }
        }
        out().println(found.size() + " key ID(s) found; " + (stillActive
                ? "at least one is still Active or unknown: rotate it (rotate-profile) or rerun with --deactivate"
                : "none is Active any more"));
        return stillActive ? FOUND : OK;
    }

    /** Prints what is known about one key and acts on it; whether it is (or may be) still Active. */
    private boolean triage(KeywardenClient client, String keyId, String ownAccount, String ownKey, String reason) {
        AccessKeyInfo info;
        try {
            info = client.getAccessKeyInfo(keyId);
        } catch (ValidationException e) {
            out().println("    not a valid key ID: " + e.errorMessage());
            return false;
        }
        boolean ours = info.account().equals(ownAccount);
        out().println("    account " + info.account() + (ours ? " (this account)" : " (another account)"));
        if (keyId.startsWith("ASIA")) {
            return triageSession(client, keyId);
        }
        KeyOwner owner;
        try {
            owner = client.findKeyOwner(keyId);
        } catch (AccessDeniedException e) {
            out().println("    owner: unknown (finding the owner needs an administrator's credentials)");
            return true;
        } catch (NoSuchEntityException e) {
            if (!ours) {
                out().println("    not a key of this account: tell that account's owner");
                return true;
            }
            out().println("    no such key any more (deleted, or a temporary key): nothing to do");
            return false;
        }
        if (!ours) {
            out().println("    (yet this account has a key of that ID: an imported key whose ID does not encode"
                    + " this account)");
        }
        String who = owner.owner().map(u -> "user " + u).orElse("the root user");
        KeyStatus status = owner.accessKey().status();
        out().println("    owner: " + who + " (" + owner.arn() + "), status " + status.wireName());
        if (quarantine) {
            status = quarantine(client, keyId, owner, ownKey, reason, status);
        }
        if (status != KeyStatus.ACTIVE) {
            return false;
        }
        if (!deactivate) {
            return true;
        }
        if (keyId.equals(ownKey)) {
            out().println("    NOT deactivated: it is the key this program signs with; rotate it instead");
            return true;
        }
        try {
            client.updateAccessKey(owner.owner().orElse(KeywardenClient.ME), keyId, KeyStatus.INACTIVE);
            out().println("    deactivated (reactivate it if something legitimate breaks, then rotate it)");
            return false;
        } catch (KeywardenServiceException e) {
            out().println("    could not deactivate: " + e.code() + " " + e.errorMessage());
            return true;
        }
    }

    /** Quarantines the key's owner (deactivating the key too with --deactivate); the key's status afterwards. */
    private KeyStatus quarantine(KeywardenClient client, String keyId, KeyOwner owner, String ownKey, String reason,
                                 KeyStatus status) {
        if (owner.owner().isEmpty()) {
            out().println("    NOT quarantined: a root user's key cannot be (the root user takes no policies);"
                    + " deactivate or delete it with the root user's credentials instead");
            return status;
        }
        if (keyId.equals(ownKey)) {
            out().println("    NOT quarantined: it is the key this program signs with; rotate it instead");
            return status;
        }
        try {
            QuarantineResult q = client.quarantineAccessKey(keyId,
                    reason.length() <= 1000 ? reason : reason.substring(0, 1000),
                    deactivate && status == KeyStatus.ACTIVE && !keyId.equals(ownKey));
            out().println("    quarantined: " + q.policyArn() + (q.alreadyAttached() ? " was attached already to user "
                    : " attached to user ") + q.userName() + " (undo: detach it from the user), key "
                    + q.status().wireName());
            return q.status();
        } catch (KeywardenServiceException e) {
            out().println("    could not quarantine: " + e.code() + " " + e.errorMessage());
            return status;
        }
    }

    /**
     * A temporary ({@code ASIA}) key: the audit trail's event of the STS call that issued it (a look-up by the key ID
     * finds it: its response names the key) says which session, role, session name and source identity, who asked
     * for it and with which key, and until when it is valid; then the calls made with it. Whether it may still be
     * valid.
     */
    private boolean triageSession(KeywardenClient client, String keyId) {
        out().println("    temporary key (STS): it expires on its own; revoke the role's active sessions to end it"
                + " sooner");
        List<AuditEvent> events = new ArrayList<>();
        try {
            for (AuditEvent e : client.lookupAllAuditEvents(LookupAuditEventsRequest.builder().accessKeyId(keyId)
                    .build())) {
                events.add(e);
                if (events.size() >= 1000) {
                    break;
                }
            }
        } catch (AccessDeniedException e) {
            out().println("    who requested it: unknown (reading the audit trail needs cloudtrail:LookupEvents)");
            return true;
        }
        AuditEvent issuing = null;
        for (AuditEvent e : events) {
            if (keyId.equals(json(e.responseElements()).path("credentials").path("accessKeyId").asText(null))) {
                issuing = e;
            }
        }
        if (issuing == null) {
            out().println("    not issued by this account's STS as far as its audit trail goes: ask the key's account");
            return true;
        }
        JsonNode request = json(issuing.requestParameters());
        JsonNode response = json(issuing.responseElements());
        String role = request.path("roleArn").asText(null);
        String session = response.path("assumedRoleUser").path("arn").asText(issuing.principalArn());
        out().println("    issued by " + issuing.eventName() + " at " + issuing.eventTime());
        out().println("    session: " + session);
        if (role != null) {
            out().println("    role: " + role);
            out().println("    session name: " + request.path("roleSessionName").asText("-"));
        }
        String sourceIdentity = response.path("sourceIdentity").asText(request.path("sourceIdentity").asText(null));
        out().println("    source identity: " + (sourceIdentity == null ? "none" : sourceIdentity));
        out().println("    requested by: " + issuing.principalArn() + " with key " + issuing.accessKeyId());
        List<AuditEvent> calls = events.stream().filter(e -> keyId.equals(e.accessKeyId())).toList();
        out().println("    calls made with it: " + calls.size());
        for (AuditEvent e : calls.stream().limit(20).toList()) {
            out().println("      " + e.eventTime() + "  " + e.eventName() + (e.succeeded() ? ""
                    : "  (" + e.errorCode() + ")") + (e.sourceIpAddress() == null ? "" : "  from "
                    + e.sourceIpAddress()));
        }
        String expiration = response.path("credentials").path("expiration").asText(null);
        if (expiration != null) {
            try {
                boolean valid = Instant.parse(expiration).isAfter(Instant.now());
                out().println("    " + (valid ? "valid until " : "expired at ") + expiration);
                return valid;
            } catch (DateTimeParseException e) {
                // an unreadable expiration: say nothing of it and assume the worst
            }
        }
        return true;
    }

    private static JsonNode json(String text) {
        if (text == null) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }

    /** Key ID to where it was seen, in the order first seen. */
    Map<String, List<Sighting>> scan() throws IOException {
        Map<String, List<Sighting>> found = new LinkedHashMap<>();
        int[] files = {0};
        for (Path path : paths) {
            if (!Files.exists(path)) {
                throw new IllegalArgumentException("no such file or directory: " + path);
            }
            Files.walkFileTree(path, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    return !dir.equals(path) && SKIPPED_DIRECTORIES.contains(String.valueOf(dir.getFileName()))
                            ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && attrs.size() <= MAX_FILE_SIZE) {
                        scanFile(file, found);
                        if (++files[0] % 1000 == 0) {
                            progress("scanned " + files[0] + " files, " + found.size() + " key IDs so far");
                        }
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    progress("skipped " + file + ": " + e.getClass().getSimpleName());
                    return FileVisitResult.CONTINUE;
                }
            });
        }
        progress("scanned " + files[0] + " files: " + found.size() + " distinct key IDs");
        return found;
    }

    private static void scanFile(Path file, Map<String, List<Sighting>> found) {
        String text;
        try {
            // ISO-8859-1 maps every byte to one character: binary files scan without decoding errors
            text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        Matcher m = KEY_ID.matcher(text);
        int line = 1;
        int lineCountedTo = 0;
        while (m.find()) {
            for (int i = lineCountedTo; i < m.start(); i++) {
                if (text.charAt(i) == '\n') {
                    line++;
                }
            }
            lineCountedTo = m.start();
            found.computeIfAbsent(m.group(), k -> new ArrayList<>()).add(new Sighting(file, line));
        }
    }

    private static String describe(List<Sighting> sightings) {
        List<String> shown = sightings.stream().limit(5).map(Sighting::toString).toList();
        return String.join(", ", shown) + (sightings.size() > 5 ? " and " + (sightings.size() - 5) + " more" : "");
    }
}
