package io.keywarden.server.settings;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The server's settings under {@code keywarden.*}. Each has an environment variable (see {@code application.yml}).
 * Blank strings count as unset, so an empty environment variable does not configure anything.
 */
@ConfigurationProperties("keywarden")
public class KeywardenConfig {
    private String dataDir = "./keywarden-data";
    private String accountId;
    private String rootAccessKeyId;
    private boolean reissueRootKey;
    private String rootSecretAccessKey;
    private String masterKey;
    private String masterKeys;

    /** Where the H2 database, the master key and the first root credentials live. */
    public Path dataDirPath() {
        return Path.of(dataDir).toAbsolutePath().normalize();
    }

    public String getDataDir() {
        return dataDir;
    }

    public void setDataDir(String dataDir) {
        this.dataDir = dataDir == null || dataDir.isBlank() ? "./keywarden-data" : dataDir.trim();
    }

    @Nullable
    public String getAccountId() {
        return accountId;
    }

    public void setAccountId(@Nullable String accountId) {
        this.accountId = blankToNull(accountId);
    }

    @Nullable
    public String getRootAccessKeyId() {
        return rootAccessKeyId;
    }

    public void setRootAccessKeyId(@Nullable String rootAccessKeyId) {
        this.rootAccessKeyId = blankToNull(rootAccessKeyId);
    }

    @Nullable
    public String getRootSecretAccessKey() {
        return rootSecretAccessKey;
    }

    public void setRootSecretAccessKey(@Nullable String rootSecretAccessKey) {
        this.rootSecretAccessKey = blankToNull(rootSecretAccessKey);
    }

    /**
     * {@code keywarden.reissue-root-key} ({@code KEYWARDEN_REISSUE_ROOT_KEY}): issue a new root access key at this
     * start when the root user has none, although its bootstrap ran before (a locked-out operator's way back).
     */
    public boolean isReissueRootKey() {
        return reissueRootKey;
    }

    public void setReissueRootKey(boolean reissueRootKey) {
        this.reissueRootKey = reissueRootKey;
    }

    @Nullable
    public String getMasterKey() {
        return masterKey;
    }

    public void setMasterKey(@Nullable String masterKey) {
        this.masterKey = blankToNull(masterKey);
    }

    /**
     * {@code keywarden.master-keys} ({@code KEYWARDEN_MASTER_KEYS}): versioned master keys,
     * {@code <version>:<base64 of 32 bytes>}, comma-separated; the highest version seals new secrets, every one listed
     * opens them. {@code keywarden.master-key}, when also set, is version 1.
     */
    @Nullable
    public String getMasterKeys() {
        return masterKeys;
    }

    public void setMasterKeys(@Nullable String masterKeys) {
        this.masterKeys = blankToNull(masterKeys);
    }

    @Override
    public String toString() {
        return "KeywardenConfig[dataDir=" + dataDir + ", accountId=" + accountId + ", rootAccessKeyId="
                + rootAccessKeyId + ", rootSecretAccessKey=" + (rootSecretAccessKey == null ? "unset" : "[redacted]")
                + ", masterKey=" + (masterKey == null ? "unset" : "[redacted]")
                + ", masterKeys=" + (masterKeys == null ? "unset" : "[redacted]") + "]";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** {@code keywarden.keys.*}: the key rules. */
    @ConfigurationProperties("keys")
    public static class Keys {
        private int maxPerUser = 2;
        private boolean requireInactiveBeforeDelete = false;

        public int getMaxPerUser() {
            return maxPerUser;
        }

        public void setMaxPerUser(int maxPerUser) {
            this.maxPerUser = maxPerUser;
        }

        public boolean isRequireInactiveBeforeDelete() {
            return requireInactiveBeforeDelete;
        }

        public void setRequireInactiveBeforeDelete(boolean requireInactiveBeforeDelete) {
            this.requireInactiveBeforeDelete = requireInactiveBeforeDelete;
        }
    }

    /** {@code keywarden.last-used.*}: how last-used records are batched. */
    @ConfigurationProperties("last-used")
    public static class LastUsed {
        private Duration flushInterval = Duration.ofSeconds(1);

        public Duration getFlushInterval() {
            return flushInterval;
        }

        public void setFlushInterval(Duration flushInterval) {
            if (flushInterval == null || flushInterval.isNegative() || flushInterval.isZero()) {
                throw new IllegalArgumentException("keywarden.last-used.flush-interval must be positive");
            }
            this.flushInterval = flushInterval;
        }
    }

    /** {@code keywarden.auth.*}: the in-memory caches of the authentication and authorisation paths. */
    @ConfigurationProperties("auth")
    public static class Auth {
        private Duration keyCacheTtl = Duration.ofSeconds(30);
        private long keyCacheMaxSize = 100_000;
        private Duration policyCacheTtl = Duration.ofSeconds(30);
        private long policyCacheMaxSize = 100_000;

        /** How long a looked-up credential is trusted before it is read again (bounds staleness across nodes). */
        public Duration getKeyCacheTtl() {
            return keyCacheTtl;
        }

        public void setKeyCacheTtl(Duration keyCacheTtl) {
            if (keyCacheTtl == null || keyCacheTtl.isNegative()) {
                throw new IllegalArgumentException("keywarden.auth.key-cache-ttl must not be negative");
            }
            this.keyCacheTtl = keyCacheTtl;
        }

        public long getKeyCacheMaxSize() {
            return keyCacheMaxSize;
        }

        public void setKeyCacheMaxSize(long keyCacheMaxSize) {
            if (keyCacheMaxSize < 1) {
                throw new IllegalArgumentException("keywarden.auth.key-cache-max-size must be at least 1");
            }
            this.keyCacheMaxSize = keyCacheMaxSize;
        }

        /**
         * How long a user's compiled policies are trusted before they are read again: bounds how long a change made
         * through another server sharing the database takes to apply here (changes made here apply at once).
         */
        public Duration getPolicyCacheTtl() {
            return policyCacheTtl;
        }

        public void setPolicyCacheTtl(Duration policyCacheTtl) {
            if (policyCacheTtl == null || policyCacheTtl.isNegative()) {
                throw new IllegalArgumentException("keywarden.auth.policy-cache-ttl must not be negative");
            }
            this.policyCacheTtl = policyCacheTtl;
        }

        /** Users whose compiled policies are held in memory. */
        public long getPolicyCacheMaxSize() {
            return policyCacheMaxSize;
        }

        public void setPolicyCacheMaxSize(long policyCacheMaxSize) {
            if (policyCacheMaxSize < 1) {
                throw new IllegalArgumentException("keywarden.auth.policy-cache-max-size must be at least 1");
            }
            this.policyCacheMaxSize = policyCacheMaxSize;
        }
    }

    /** {@code keywarden.credential-report.*}: how long a generated credential report is reused. */
    @ConfigurationProperties("credential-report")
    public static class CredentialReport {
        private Duration maxAge = Duration.ofMinutes(1);

        /**
         * While the latest report is younger than this, GenerateCredentialReport keeps it (answers COMPLETE) instead of
         * building a new one. AWS uses 4 hours; Keywarden's default is 1 minute, because the report is cheap here and
         * is read to decide rotations, where a report hours old would hide the key just created or deactivated.
         */
        public Duration getMaxAge() {
            return maxAge;
        }

        public void setMaxAge(Duration maxAge) {
            if (maxAge == null || maxAge.isNegative()) {
                throw new IllegalArgumentException("keywarden.credential-report.max-age must not be negative");
            }
            this.maxAge = maxAge;
        }
    }

    /** {@code keywarden.cluster.*}: how this node hears about changes made by other nodes sharing the database. */
    @ConfigurationProperties("cluster")
    public static class Cluster {
        private Duration pollInterval = Duration.ofMillis(200);
        private Duration changeRetention = Duration.ofHours(1);

        /** How often the change log is read; bounds how long another node's change goes unseen here. */
        public Duration getPollInterval() {
            return pollInterval;
        }

        public void setPollInterval(Duration pollInterval) {
            if (pollInterval == null || pollInterval.isNegative() || pollInterval.isZero()) {
                throw new IllegalArgumentException("keywarden.cluster.poll-interval must be positive");
            }
            this.pollInterval = pollInterval;
        }

        /** How long change-log entries are kept (longer than any node can fall behind). */
        public Duration getChangeRetention() {
            return changeRetention;
        }

        public void setChangeRetention(Duration changeRetention) {
            if (changeRetention == null || changeRetention.compareTo(Duration.ofMinutes(1)) < 0) {
                throw new IllegalArgumentException("keywarden.cluster.change-retention must be at least 1m");
            }
            this.changeRetention = changeRetention;
        }
    }

    /** {@code keywarden.reseal.*}: the background re-seal of stored secrets to the newest master key version. */
    @ConfigurationProperties("reseal")
    public static class Reseal {
        private boolean enabled = true;
        private Duration interval = Duration.ofSeconds(30);
        private int batchSize = 100;
        private Duration pause = Duration.ofMillis(50);
        private Duration lease = Duration.ofSeconds(30);

        /** Whether this node takes part in the re-seal (the status is reported either way). */
        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /** How often this node checks for secrets to re-seal and tries to take the lease. */
        public Duration getInterval() {
            return interval;
        }

        public void setInterval(Duration interval) {
            if (interval == null || interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("keywarden.reseal.interval must be positive");
            }
            this.interval = interval;
        }

        /** Secrets re-sealed per transaction. */
        public int getBatchSize() {
            return batchSize;
        }

        public void setBatchSize(int batchSize) {
            if (batchSize < 1 || batchSize > 10_000) {
                throw new IllegalArgumentException("keywarden.reseal.batch-size must be 1 to 10000");
            }
            this.batchSize = batchSize;
        }

        /** The wait between batches, so request traffic keeps the database and the CPU. */
        public Duration getPause() {
            return pause;
        }

        public void setPause(Duration pause) {
            if (pause == null || pause.isNegative()) {
                throw new IllegalArgumentException("keywarden.reseal.pause must not be negative");
            }
            this.pause = pause;
        }

        /** How long the lease lasts unless renewed (each batch renews it); a dead holder's lease ends after it. */
        public Duration getLease() {
            return lease;
        }

        public void setLease(Duration lease) {
            if (lease == null || lease.compareTo(Duration.ofSeconds(1)) < 0) {
                throw new IllegalArgumentException("keywarden.reseal.lease must be at least 1s");
            }
            this.lease = lease;
        }
    }

    /** {@code keywarden.sessions.*}: the session tokens of temporary credentials. */
    @ConfigurationProperties("sessions")
    public static class Sessions {
        private String tokenKeys;

        /**
         * {@code keywarden.sessions.token-keys} ({@code KEYWARDEN_SESSION_TOKEN_KEYS}): {@code kid:base64(32 bytes)},
         * comma-separated, the first sealing new tokens and all of them opening tokens (rotation: put the new key
         * first, remove the old one 36 hours later). Unset: one key derived from the master key, the same on every
         * node sharing it.
         */
        @Nullable
        public String getTokenKeys() {
            return tokenKeys;
        }

        public void setTokenKeys(@Nullable String tokenKeys) {
            this.tokenKeys = blankToNull(tokenKeys);
        }

        @Override
        public String toString() {
            return "Sessions[tokenKeys=" + (tokenKeys == null ? "unset" : "[redacted]") + "]";
        }
    }

    /** {@code keywarden.console.*}: the web console's sessions. */
    @ConfigurationProperties("console")
    public static class Console {
        private Duration userSessionDuration = Duration.ofHours(12);
        private Duration rootSessionDuration = Duration.ofHours(1);

        /** How long an IAM user's console session lasts (15m to 36h; default 12h, as AWS's console). */
        public Duration getUserSessionDuration() {
            return userSessionDuration;
        }

        public void setUserSessionDuration(Duration userSessionDuration) {
            this.userSessionDuration = userSessionDuration;
        }

        /** How long the root user's console session lasts (15m to 36h; default 1h). */
        public Duration getRootSessionDuration() {
            return rootSessionDuration;
        }

        public void setRootSessionDuration(Duration rootSessionDuration) {
            this.rootSessionDuration = rootSessionDuration;
        }
    }

    /** {@code keywarden.audit.*}: what the audit trail records beyond every change and every refused call. */
    @ConfigurationProperties("audit")
    public static class Audit {
        private boolean successfulReads = true;

        /**
         * Whether reads that succeeded (GetCallerIdentity, List*, Get*) are recorded. Every call that changes
         * something, and every call that was refused or failed (reads included), is always recorded. Default
         * {@code true} (SPEC §7: every call); {@code false} is CloudTrail's "write-only" trail, for servers whose read
         * rate is higher than the trail can store (docs/performance.md).
         */
        public boolean isSuccessfulReads() {
            return successfulReads;
        }

        public void setSuccessfulReads(boolean successfulReads) {
            this.successfulReads = successfulReads;
        }

        private int authFailuresPerWindow = 10;
        private Duration authFailureWindow = Duration.ofMinutes(1);
        private long authFailureSources = 10_000;
        private Duration retention;
        private String archiveDir;
        private Duration retentionInterval = Duration.ofHours(1);

        /**
         * {@code keywarden.audit.auth-failures-per-window}: refused unauthenticated requests recorded as their own
         * events per source address, error code and window; the rest of the window's are counted into one summary
         * event per source. Default 10.
         */
        public int getAuthFailuresPerWindow() {
            return authFailuresPerWindow;
        }

        public void setAuthFailuresPerWindow(int authFailuresPerWindow) {
            if (authFailuresPerWindow < 0) {
                throw new IllegalArgumentException("keywarden.audit.auth-failures-per-window must not be negative");
            }
            this.authFailuresPerWindow = authFailuresPerWindow;
        }

        /** {@code keywarden.audit.auth-failure-window}: how long a source's window lasts. Default 1 minute. */
        public Duration getAuthFailureWindow() {
            return authFailureWindow;
        }

        public void setAuthFailureWindow(Duration authFailureWindow) {
            if (authFailureWindow == null || authFailureWindow.isNegative() || authFailureWindow.isZero()) {
                throw new IllegalArgumentException("keywarden.audit.auth-failure-window must be positive");
            }
            this.authFailureWindow = authFailureWindow;
        }

        /** {@code keywarden.audit.auth-failure-sources}: sources counted at once (bounds the memory). Default 10,000. */
        public long getAuthFailureSources() {
            return authFailureSources;
        }

        public void setAuthFailureSources(long authFailureSources) {
            if (authFailureSources < 1) {
                throw new IllegalArgumentException("keywarden.audit.auth-failure-sources must be at least 1");
            }
            this.authFailureSources = authFailureSources;
        }

        /**
         * {@code keywarden.audit.retention} ({@code KEYWARDEN_AUDIT_RETENTION}, e.g. {@code 365d}): segments whose
         * events are all older are archived to a file and pruned, behind a signed checkpoint; unset (the default):
         * nothing is ever pruned.
         */
        @Nullable
        public String getRetention() {
            return retention == null ? null : retention.toString();
        }

        public void setRetention(@Nullable String retention) {
            this.retention = retention == null || retention.isBlank() ? null : durationOf(retention.trim());
        }

        /** The retention, when one is set. */
        public java.util.Optional<Duration> retention() {
            return java.util.Optional.ofNullable(retention);
        }

        /** {@code 365d}, {@code 12h}, {@code 30m}, {@code 90s} or ISO-8601 ({@code P365D}); positive. */
        static Duration durationOf(String text) {
            Duration d;
            try {
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,9})([dhms])").matcher(text);
                if (m.matches()) {
                    long n = Long.parseLong(m.group(1));
                    d = switch (m.group(2)) {
                        case "d" -> Duration.ofDays(n);
                        case "h" -> Duration.ofHours(n);
                        case "m" -> Duration.ofMinutes(n);
                        default -> Duration.ofSeconds(n);
                    };
                } else {
                    d = Duration.parse(text);
                }
            } catch (java.time.format.DateTimeParseException e) {
                throw new IllegalArgumentException("keywarden.audit.retention must be a duration such as 365d, not '"
                        + text + "'");
            }
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException("keywarden.audit.retention must be positive, not '" + text + "'");
            }
            return d;
        }

        /**
         * {@code keywarden.audit.archive-dir} ({@code KEYWARDEN_AUDIT_ARCHIVE_DIR}): where archives go; default
         * {@code <data dir>/audit-archive}.
         */
        @Nullable
        public String getArchiveDir() {
            return archiveDir;
        }

        public void setArchiveDir(@Nullable String archiveDir) {
            this.archiveDir = archiveDir == null || archiveDir.isBlank() ? null : archiveDir.trim();
        }

        /** {@code keywarden.audit.retention-interval}: how often a node tries to archive. Default 1 hour. */
        public Duration getRetentionInterval() {
            return retentionInterval;
        }

        public void setRetentionInterval(Duration retentionInterval) {
            if (retentionInterval == null || retentionInterval.isNegative() || retentionInterval.isZero()) {
                throw new IllegalArgumentException("keywarden.audit.retention-interval must be positive");
            }
            this.retentionInterval = retentionInterval;
        }
    }
}
