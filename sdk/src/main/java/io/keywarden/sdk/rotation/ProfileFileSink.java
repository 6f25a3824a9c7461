package io.keywarden.sdk.rotation;

import io.keywarden.core.sigv4.SigningCredentials;
import io.keywarden.sdk.exception.CredentialsException;
import io.keywarden.sdk.internal.AtomicFiles;
import io.keywarden.sdk.internal.ProfileFile;
import io.keywarden.sdk.internal.ProfileFileEditor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Writes the key into one profile of a shared credentials file ({@code ~/.aws/credentials} format), the way
 * applications using a {@link io.keywarden.sdk.auth.ProfileCredentialsProvider} (or an AWS SDK or CLI) pick it up.
 *
 * <p>Only the profile's {@code aws_access_key_id} and {@code aws_secret_access_key} values change (a session token
 * is removed, since a long-term key has none); every other profile, property, comment, blank line and line ending
 * is kept byte for byte, and a missing profile is appended. The file is replaced atomically: the new content goes
 * to a temporary file in the same directory with mode 0600, is flushed to disk, and is renamed over the old file, so
 * a reader sees the old file or the new one, never half of each, and the result survives a crash. The file ends up
 * with mode 0600 (owner read and write only) on POSIX file systems. Writers of the same file must not run
 * concurrently (two rotations of profiles of one file should run one after the other).
 */
public final class ProfileFileSink implements CredentialsSink {
    private final Path file;
    private final String profile;

    private ProfileFileSink(Path file, String profile) {
        this.file = file;
        this.profile = profile;
    }

    /**
     * @throws IllegalArgumentException when the profile name cannot be written to the file format
     */
    public static ProfileFileSink create(Path file, String profile) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(profile, "profile");
        // checks the name now rather than at the first store
        ProfileFileEditor.withCredentials("", profile, SigningCredentials.of("check", "check"));
        return new ProfileFileSink(file, profile);
    }

    public Path file() {
        return file;
    }

    public String profile() {
        return profile;
    }

    /**
     * @throws CredentialsException when the file cannot be read or replaced (the message names the file, never a
     *                              secret)
     */
    @Override
    public void store(SigningCredentials credentials) {
        Objects.requireNonNull(credentials, "credentials");
        String content;
        try {
            content = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            content = "";
        } catch (IOException e) {
            throw new CredentialsException("cannot read the credentials file " + file + ": "
                    + e.getClass().getSimpleName(), e);
        }
        String updated = ProfileFileEditor.withCredentials(content, profile, credentials);
        try {
            AtomicFiles.write(file, updated.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new CredentialsException("cannot write profile '" + profile + "' of the credentials file " + file
                    + ": " + e.getClass().getSimpleName() + " " + e.getMessage(), e);
        }
    }

    /** The credentials the profile holds now; empty when the file or profile is missing or incomplete. */
    @Override
    public Optional<SigningCredentials> load() {
        String content;
        try {
            content = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new CredentialsException("cannot read the credentials file " + file + ": "
                    + e.getClass().getSimpleName(), e);
        }
        Map<String, String> properties = ProfileFile.parse(content).profile(profile).orElse(Map.of());
        String id = properties.get("aws_access_key_id");
        String secret = properties.get("aws_secret_access_key");
        if (id == null || id.isBlank() || secret == null || secret.isBlank()) {
            return Optional.empty();
        }
        String token = properties.get("aws_session_token");
        try {
            return Optional.of(SigningCredentials.of(id.strip(), secret.strip(),
                    token == null || token.isBlank() ? null : token.strip()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return "ProfileFileSink[profile=" + profile + ", file=" + file + "]";
    }
}
