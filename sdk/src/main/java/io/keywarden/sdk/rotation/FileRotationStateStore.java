package io.keywarden.sdk.rotation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.keywarden.sdk.internal.AtomicFiles;
import io.keywarden.sdk.internal.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import java.util.Optional;

/**
 * Keeps a rotation's state in a small JSON file, written atomically (temporary file in the same directory, fsync,
 * rename) with mode 0600. The file holds key IDs, the user name, the phase and dates, never a secret; it is deleted
 * when the rotation ends.
 *
 * <pre>{@code
 * {"version":1,"phase":"SWITCHED","userName":"alice","oldAccessKeyId":"AKIA…","newAccessKeyId":"AKIA…",
 *  "startedAt":"2026-12-01T10:00:00Z","updatedAt":"…","switchedAt":"…"}
 * }</pre>
 */
public final class FileRotationStateStore implements RotationStateStore {
    private static final int VERSION = 1;

    private final Path file;

    private FileRotationStateStore(Path file) {
        this.file = file;
    }

    public static FileRotationStateStore create(Path file) {
        return new FileRotationStateStore(Objects.requireNonNull(file, "file"));
    }

    public Path file() {
        return file;
    }

    /**
     * @throws RotationException when the file exists but does not hold a rotation state this version understands
     * @throws UncheckedIOException when it cannot be read
     */
    @Override
    public Optional<RotationState> load() {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the rotation state file " + file, e);
        }
        try {
            JsonNode json = Json.readObject(bytes);
            int version = json.path("version").asInt(-1);
            if (version != VERSION) {
                throw new RotationException("the rotation state file " + file + " has version " + version
                        + ", this SDK reads version " + VERSION);
            }
            return Optional.of(new RotationState(
                    RotationPhase.valueOf(required(json, "phase")),
                    required(json, "userName"),
                    required(json, "oldAccessKeyId"),
                    optional(json, "newAccessKeyId"),
                    Instant.parse(required(json, "startedAt")),
                    Instant.parse(required(json, "updatedAt")),
                    instant(json, "switchedAt"),
                    instant(json, "deactivatedAt"),
                    instant(json, "deleteNotBefore"),
                    optional(json, "reason")));
        } catch (IOException | IllegalArgumentException | DateTimeParseException e) {
            throw new RotationException("the rotation state file " + file + " is not a valid rotation state ("
                    + e.getMessage() + "); fix or remove it", null, e);
        }
    }

    @Override
    public void save(RotationState state) {
        Objects.requireNonNull(state, "state");
        ObjectNode json = Json.object();
        json.put("version", VERSION);
        json.put("phase", state.phase().name());
        json.put("userName", state.userName());
        json.put("oldAccessKeyId", state.oldAccessKeyId());
        put(json, "newAccessKeyId", state.newAccessKeyId());
        json.put("startedAt", state.startedAt().toString());
        json.put("updatedAt", state.updatedAt().toString());
        put(json, "switchedAt", state.switchedAt());
        put(json, "deactivatedAt", state.deactivatedAt());
        put(json, "deleteNotBefore", state.deleteNotBefore());
        put(json, "reason", state.reason());
        try {
            AtomicFiles.write(file, Json.writePretty(json));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the rotation state file " + file, e);
        }
    }

    @Override
    public void clear() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the rotation state file " + file, e);
        }
    }

    private static void put(ObjectNode json, String name, Object value) {
        if (value != null) {
            json.put(name, value.toString());
        }
    }

    private static String required(JsonNode json, String name) throws IOException {
        JsonNode value = json.get(name);
        if (value == null || !value.isTextual() || value.asText().isEmpty()) {
            throw new IOException("'" + name + "' is missing");
        }
        return value.asText();
    }

    private static String optional(JsonNode json, String name) {
        JsonNode value = json.get(name);
        return value == null || !value.isTextual() || value.asText().isEmpty() ? null : value.asText();
    }

    private static Instant instant(JsonNode json, String name) {
        String value = optional(json, name);
        return value == null ? null : Instant.parse(value);
    }

    @Override
    public String toString() {
        return "FileRotationStateStore[" + file + "]";
    }
}
