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

    @Override
    public String toString() {
        return "KeywardenConfig[dataDir=" + dataDir + ", accountId=" + accountId + ", rootAccessKeyId="
                + rootAccessKeyId + ", rootSecretAccessKey=" + (rootSecretAccessKey == null ? "unset" : "[redacted]")
                + ", masterKey=" + (masterKey == null ? "unset" : "[redacted]") + "]";
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
    }
}
