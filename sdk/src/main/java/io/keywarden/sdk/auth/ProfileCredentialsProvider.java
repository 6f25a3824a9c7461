package io.keywarden.sdk.auth;

import io.keywarden.core.sigv4.SigningCredentials;
import io.keywarden.sdk.exception.CredentialsException;
import io.keywarden.sdk.internal.ProfileFile;
import io.keywarden.sdk.model.AssumeRoleRequest;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

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
 *
 * <p><b>Role profiles.</b> A profile with {@code role_arn} and {@code source_profile} (as the AWS CLI reads them)
 * gives the credentials of a session of that role: an {@link AssumeRoleCredentialsProvider} assumes it with the
 * source profile's credentials (which may themselves come from a role profile: chains are followed, cycles refused;
 * a profile naming itself as its source uses its own keys) and renews the session before it expires. Optional:
 * {@code role_session_name} (default {@code keywarden-sdk-<epoch seconds>}), {@code external_id},
 * {@code duration_seconds} (default the service's, 1 hour), {@code region} (to sign with; default
 * {@code us-east-1}). {@code mfa_serial} and {@code credential_source} are not supported (the profile fails with a
 * message saying so). The server to call AssumeRole on is, first found: the builder's {@link Builder#endpoint},
 * {@code AWS_ENDPOINT_URL_STS}, {@code AWS_ENDPOINT_URL}, the role profile's {@code endpoint_url}. Role profiles are
 * read from the credentials file only (not from {@code ~/.aws/config}). The session provider is kept while the
 * profile's settings stay the same across reloads, and closed by {@link #close()} or when they change.
 */
public final class ProfileCredentialsProvider implements CredentialsProvider, AutoCloseable {
    public static final String CREDENTIALS_FILE_VARIABLE = "AWS_SHARED_CREDENTIALS_FILE";
    public static final String PROFILE_VARIABLE = "AWS_PROFILE";
    public static final String DEFAULT_PROFILE = "default";
    public static final Duration DEFAULT_RELOAD_CHECK_INTERVAL = Duration.ofSeconds(1);

    public static final String ENDPOINT_URL_STS_VARIABLE = "AWS_ENDPOINT_URL_STS";
    public static final String ENDPOINT_URL_VARIABLE = "AWS_ENDPOINT_URL";

    private final Path file;
    private final String profileName;
    private final long checkIntervalMillis;
    private final Clock clock;
    private final Builder settings;
    private final Set<String> sourceChain;
    private final Object lock = new Object();
    private volatile Snapshot snapshot;
    private volatile boolean closed;

    private ProfileCredentialsProvider(Path file, String profileName, Duration checkInterval, Clock clock,
                                       Builder settings, Set<String> sourceChain) {
        this.file = file;
        this.profileName = profileName;
        this.checkIntervalMillis = checkInterval.toMillis();
        this.clock = clock;
        this.settings = settings;
        this.sourceChain = sourceChain;
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
                    Snapshot previous = current;
                    current = refresh(current, now);
                    snapshot = current;
                    if (previous != null && previous.role != null && previous.role != current.role) {
                        previous.role.provider().close(); // the profile's role settings changed, or it is gone
                    }
                }
            }
        }
        if (current.role != null) {
            return current.role.provider().resolveCredentials();
        }
        if (current.credentials == null) {
            throw new CredentialsException(current.failure);
        }
        return current.credentials;
    }

    /** Closes the role session provider of a role profile, if any; the provider still reads the file afterwards. */
    @Override
    public void close() {
        synchronized (lock) {
            closed = true;
            Snapshot current = snapshot;
            if (current != null && current.role != null) {
                current.role.provider().close();
            }
        }
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
        if (nonBlank(profile.get("role_arn")) != null) {
            return loadRole(parsed, profile, state, now);
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

    /** The settings of a role profile that decide its session; equal settings keep the session across reloads. */
    private record RoleSettings(String roleArn, String sourceProfile, String sessionName, String externalId,
                                Duration duration, URI endpoint, String region, SigningCredentials ownKeys) {
    }

    private record RoleSession(RoleSettings settings, AssumeRoleCredentialsProvider provider) {
    }

    private Snapshot loadRole(ProfileFile parsed, Map<String, String> profile, FileState state, long now) {
        for (String unsupported : new String[]{"mfa_serial", "credential_source"}) {
            if (nonBlank(profile.get(unsupported)) != null) {
                return Snapshot.failed(state, now, prefix() + "the role profile in " + file + " sets "
                        + unsupported + ", which this SDK does not support (use source_profile)");
            }
        }
        String sourceProfile = nonBlank(profile.get("source_profile"));
        if (sourceProfile == null) {
            return Snapshot.failed(state, now, prefix() + "the profile in " + file
                    + " has role_arn but no source_profile");
        }
        SigningCredentials ownKeys = null;
        if (sourceProfile.equals(profileName)) {
            String id = nonBlank(profile.get("aws_access_key_id"));
            String secret = nonBlank(profile.get("aws_secret_access_key"));
            if (id == null || secret == null) {
                return Snapshot.failed(state, now, prefix() + "the profile in " + file + " is its own source_profile"
                        + " but has no aws_access_key_id and aws_secret_access_key");
            }
            try {
                ownKeys = SigningCredentials.of(id, secret, nonBlank(profile.get("aws_session_token")));
            } catch (IllegalArgumentException e) {
                return Snapshot.failed(state, now, prefix() + "the profile in " + file + " is invalid: "
                        + e.getMessage());
            }
        } else if (sourceChain.contains(sourceProfile) || parsed.profile(sourceProfile).isEmpty()) {
            return Snapshot.failed(state, now, prefix() + (parsed.profile(sourceProfile).isEmpty()
                    ? "its source_profile '" + sourceProfile + "' is not in " + file
                    : "its source_profile '" + sourceProfile + "' leads back to it (profiles " + sourceChain + ")"));
        }
        Duration duration = null;
        String seconds = nonBlank(profile.get("duration_seconds"));
        if (seconds != null) {
            try {
                duration = Duration.ofSeconds(Integer.parseInt(seconds));
            } catch (NumberFormatException e) {
                return Snapshot.failed(state, now, prefix() + "duration_seconds in " + file
                        + " is not a whole number of seconds");
            }
        }
        URI endpoint;
        try {
            endpoint = roleEndpoint(profile);
        } catch (IllegalArgumentException e) {
            return Snapshot.failed(state, now, prefix() + e.getMessage());
        }
        if (endpoint == null) {
            return Snapshot.failed(state, now, prefix() + "the role profile needs a server to call AssumeRole on:"
                    + " set endpoint_url in the profile, " + ENDPOINT_URL_VARIABLE + ", or the provider builder's"
                    + " endpoint");
        }
        String sessionName = nonBlank(profile.get("role_session_name"));
        RoleSettings role = new RoleSettings(nonBlank(profile.get("role_arn")), sourceProfile,
                sessionName, nonBlank(profile.get("external_id")), duration, endpoint,
                Objects.requireNonNullElse(nonBlank(profile.get("region")), "us-east-1"), ownKeys);
        Snapshot previous = snapshot;
        if (previous != null && previous.role != null && previous.role.settings().equals(role) && !closed) {
            return new Snapshot(state, now, null, null, previous.role);
        }
        try {
            AssumeRoleRequest request = AssumeRoleRequest.builder().roleArn(role.roleArn())
                    .roleSessionName(sessionName != null ? sessionName
                            : "keywarden-sdk-" + clock.instant().getEpochSecond())
                    .duration(duration).externalId(role.externalId()).build();
            CredentialsProvider source = ownKeys != null ? StaticCredentialsProvider.create(ownKeys)
                    : settings.sourceProvider(sourceProfile, file, sourceChain, profileName);
            AssumeRoleCredentialsProvider provider = AssumeRoleCredentialsProvider.builder()
                    .sourceCredentials(source).endpoint(endpoint).region(role.region()).request(request)
                    .clock(clock).build();
            return new Snapshot(state, now, null, null, new RoleSession(role, provider));
        } catch (RuntimeException e) {
            return Snapshot.failed(state, now, prefix() + "the role profile in " + file + " is invalid: "
                    + e.getMessage());
        }
    }

    private URI roleEndpoint(Map<String, String> profile) {
        if (settings.endpoint != null) {
            return settings.endpoint;
        }
        Map<String, String> env = settings.environment != null ? settings.environment : System.getenv();
        for (String[] candidate : new String[][]{{ENDPOINT_URL_STS_VARIABLE, env.get(ENDPOINT_URL_STS_VARIABLE)},
                {ENDPOINT_URL_VARIABLE, env.get(ENDPOINT_URL_VARIABLE)},
                {"endpoint_url in the profile", profile.get("endpoint_url")}}) {
            String value = nonBlank(candidate[1]);
            if (value != null) {
                try {
                    return new URI(value);
                } catch (URISyntaxException e) {
                    throw new IllegalArgumentException(candidate[0] + " is not a URI");
                }
            }
        }
        return null;
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

    private record Snapshot(FileState fileState, long checkedAt, SigningCredentials credentials, String failure,
                            RoleSession role) {
        Snapshot(FileState fileState, long checkedAt, SigningCredentials credentials, String failure) {
            this(fileState, checkedAt, credentials, failure, null);
        }

        static Snapshot failed(FileState state, long now, String failure) {
            return new Snapshot(state, now, null, failure);
        }

        Snapshot checkedAt(long now) {
            return new Snapshot(fileState, now, credentials, failure, role);
        }

        @Override
        public String toString() {
            return "Snapshot[" + (role != null ? role.settings().roleArn()
                    : credentials == null ? failure : credentials.accessKeyId()) + "]";
        }
    }

    /** Builds a {@link ProfileCredentialsProvider}; every setting is optional. */
    public static final class Builder {
        private String profileName;
        private Path credentialsFile;
        private Map<String, String> environment;
        private Duration reloadCheckInterval = DEFAULT_RELOAD_CHECK_INTERVAL;
        private Clock clock = Clock.systemUTC();
        private URI endpoint;

        private Builder() {
        }

        /**
         * The Keywarden server that role profiles ({@code role_arn}) call AssumeRole on; unset: the environment's
         * {@code AWS_ENDPOINT_URL_STS}, else {@code AWS_ENDPOINT_URL}, else the profile's {@code endpoint_url}.
         */
        public Builder endpoint(URI endpoint) {
            this.endpoint = endpoint;
            return this;
        }

        /** The provider of a role profile's source profile: these settings, the same file, one more link in the chain. */
        ProfileCredentialsProvider sourceProvider(String sourceProfile, Path file, Set<String> chain, String from) {
            Set<String> longer = new LinkedHashSet<>(chain);
            longer.add(from);
            return new ProfileCredentialsProvider(file, sourceProfile, reloadCheckInterval, clock, this,
                    Collections.unmodifiableSet(longer));
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
            return new ProfileCredentialsProvider(path, profile.strip(), reloadCheckInterval, clock, copy(), Set.of());
        }

        private Builder copy() {
            Builder copy = new Builder();
            copy.profileName = profileName;
            copy.credentialsFile = credentialsFile;
            copy.environment = environment;
            copy.reloadCheckInterval = reloadCheckInterval;
            copy.clock = clock;
            copy.endpoint = endpoint;
            return copy;
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
