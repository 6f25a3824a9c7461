package io.keywarden.sdk.auth;

import io.keywarden.core.sigv4.SigningCredentials;
import io.keywarden.sdk.exception.CredentialsException;
import io.keywarden.sdk.internal.ProfileFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Credentials from a profile of the shared credentials file ({@code ~/.aws/credentials}, INI format):
 * {@code aws_access_key_id}, {@code aws_secret_access_key} and optionally {@code aws_session_token}.
 *
 * <p>The file is {@code AWS_SHARED_CREDENTIALS_FILE} when set (a leading {@code ~} is the home directory), else
 * {@code ~/.aws/credentials}; the profile is the one named on the builder, else {@code AWS_PROFILE}, else
 * {@code default}. Both are decided when the provider is built.
 *
 * <p>The provider reloads the file when its modification time, size or identity (inode) changes, looking at most
 * once per {@link Builder#reloadCheckInterval reload check interval} (default 1 second). It always answers what the
 * file says at the last check: if the file or the profile disappears, it fails. Whoever rewrites the file while
 * applications run should replace it atomically (write a temporary file, then rename it over the old one).
 */
public final class ProfileCredentialsProvider implements CredentialsProvider {
    public static final String CREDENTIALS_FILE_VARIABLE = "AWS_SHARED_CREDENTIALS_FILE";
    public static final String PROFILE_VARIABLE = "AWS_PROFILE";
    public static final String DEFAULT_PROFILE = "default";
    public static final Duration DEFAULT_RELOAD_CHECK_INTERVAL = Duration.ofSeconds(1);

    private final Path file;
    private final String profileName;
    private final long checkIntervalMillis;
    private final Clock clock;
    private final Object lock = new Object();
    private volatile Snapshot snapshot;

    private ProfileCredentialsProvider(Path file, String profileName, Duration checkInterval, Clock clock) {
        this.file = file;
        this.profileName = profileName;
        this.checkIntervalMillis = checkInterval.toMillis();
        this.clock = clock;
    }

    /** The profile named by {@code AWS_PROFILE} (else {@code default}) of the file the environment names. */
    public static ProfileCredentialsProvider create() {
        return builder().build();
    }

    /** The named profile of the file the environment names. */
    public static ProfileCredentialsProvider create(String profileName) {
        return builder().profileName(profileName).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The file this provider reads. */
    public Path credentialsFile() {
        return file;
    }

    /** The profile this provider reads. */
    public String profileName() {
        return profileName;
    }

    @Override
    public SigningCredentials resolveCredentials() {
        long now = clock.millis();
        Snapshot current = snapshot;
        if (current == null || now - current.checkedAt >= checkIntervalMillis) {
            synchronized (lock) {
                current = snapshot;
                if (current == null || now - current.checkedAt >= checkIntervalMillis) {
                    current = refresh(current, now);
                    snapshot = current;
                }
            }
        }
        if (current.credentials == null) {
            throw new CredentialsException(current.failure);
        }
        return current.credentials;
    }

    private Snapshot refresh(Snapshot previous, long now) {
        FileState state;
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            state = new FileState(attributes.lastModifiedTime(), attributes.size(), attributes.fileKey());
        } catch (NoSuchFileException e) {
            return Snapshot.failed(null, now, prefix() + "the credentials file " + file + " does not exist");
        } catch (IOException e) {
            return Snapshot.failed(null, now, prefix() + "cannot read the credentials file " + file + ": " + e);
        }
        if (previous != null && state.equals(previous.fileState)) {
            return previous.checkedAt(now);
        }
        String content;
        try {
            content = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return Snapshot.failed(null, now, prefix() + "cannot read the credentials file " + file + ": "
                    + e.getClass().getSimpleName());
        }
        return load(ProfileFile.parse(content), state, now);
    }

    private Snapshot load(ProfileFile parsed, FileState state, long now) {
        Map<String, String> profile = parsed.profile(profileName).orElse(null);
        if (profile == null) {
            return Snapshot.failed(state, now, prefix() + "the profile is not in " + file
                    + " (profiles there: " + parsed.profileNames() + ")");
        }
        String id = nonBlank(profile.get("aws_access_key_id"));
        String secret = nonBlank(profile.get("aws_secret_access_key"));
        String token = nonBlank(profile.get("aws_session_token"));
        if (token == null) {
            token = nonBlank(profile.get("aws_security_token"));
        }
        if (id == null || secret == null) {
            String missing = id == null && secret == null ? "aws_access_key_id and aws_secret_access_key"
                    : id == null ? "aws_access_key_id" : "aws_secret_access_key";
            return Snapshot.failed(state, now, prefix() + "the profile in " + file + " has no " + missing);
        }
        try {
            return new Snapshot(state, now, SigningCredentials.of(id, secret, token), null);
        } catch (IllegalArgumentException e) {
            return Snapshot.failed(state, now, prefix() + "the profile in " + file + " is invalid: " + e.getMessage());
        }
    }

    private String prefix() {
        return "unable to load credentials from profile '" + profileName + "': ";
    }

    private static String nonBlank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    @Override
    public String toString() {
        return "ProfileCredentialsProvider[profile=" + profileName + ", file=" + file + "]";
    }

    private record FileState(FileTime modified, long size, Object fileKey) {
    }

    private record Snapshot(FileState fileState, long checkedAt, SigningCredentials credentials, String failure) {
        static Snapshot failed(FileState state, long now, String failure) {
            return new Snapshot(state, now, null, failure);
        }

        Snapshot checkedAt(long now) {
            return new Snapshot(fileState, now, credentials, failure);
        }

        @Override
        public String toString() {
            return "Snapshot[" + (credentials == null ? failure : credentials.accessKeyId()) + "]";
        }
    }

    /** Builds a {@link ProfileCredentialsProvider}; every setting is optional. */
    public static final class Builder {
        private String profileName;
        private Path credentialsFile;
        private Map<String, String> environment;
        private Duration reloadCheckInterval = DEFAULT_RELOAD_CHECK_INTERVAL;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /** The profile to read; default {@code AWS_PROFILE}, else {@code default}. */
        public Builder profileName(String profileName) {
            this.profileName = profileName;
            return this;
        }

        /** The file to read; default {@code AWS_SHARED_CREDENTIALS_FILE}, else {@code ~/.aws/credentials}. */
        public Builder credentialsFile(Path credentialsFile) {
            this.credentialsFile = credentialsFile;
            return this;
        }

        /** The environment variables to consult instead of the process's ({@link System#getenv()}). */
        public Builder environment(Map<String, String> environment) {
            this.environment = Map.copyOf(Objects.requireNonNull(environment, "environment"));
            return this;
        }

        /** How often, at most, to look whether the file changed; {@link Duration#ZERO} looks on every call. */
        public Builder reloadCheckInterval(Duration reloadCheckInterval) {
            this.reloadCheckInterval = Objects.requireNonNull(reloadCheckInterval, "reloadCheckInterval");
            return this;
        }

        /** The clock that times reload checks. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public ProfileCredentialsProvider build() {
            if (reloadCheckInterval.isNegative()) {
                throw new IllegalArgumentException("reloadCheckInterval must not be negative, got " + reloadCheckInterval);
            }
            Map<String, String> env = environment != null ? environment : System.getenv();
            String profile = profileName != null ? profileName : nonBlank(env.get(PROFILE_VARIABLE));
            if (profile == null) {
                profile = DEFAULT_PROFILE;
            }
            if (profile.isBlank()) {
                throw new IllegalArgumentException("profileName must not be blank");
            }
            Path path = credentialsFile != null ? credentialsFile : defaultFile(env);
            return new ProfileCredentialsProvider(path, profile.strip(), reloadCheckInterval, clock);
        }

        private static Path defaultFile(Map<String, String> env) {
            String home = System.getProperty("user.home");
            String configured = nonBlank(env.get(CREDENTIALS_FILE_VARIABLE));
            if (configured == null) {
                return Path.of(home, ".aws", "credentials");
            }
            if (configured.equals("~")) {
                return Path.of(home);
            }
            if (configured.startsWith("~/") || configured.startsWith("~" + java.io.File.separator)) {
                return Path.of(home, configured.substring(2));
            }
            return Path.of(configured);
        }
    }
}
