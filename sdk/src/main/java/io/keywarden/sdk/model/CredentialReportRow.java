package io.keywarden.sdk.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One row of the credential report, in AWS's columns. Keywarden has no console passwords, MFA devices or signing
 * certificates, so those columns hold AWS's values for "none" ({@code false}, {@code N/A}, or {@code not_supported}
 * for the root user), kept as text.
 *
 * @param user                 the user name, or {@code <root_account>}
 * @param arn                  the user's ARN, or the root ARN
 * @param userCreationTime     when the user (or the account) was created
 * @param passwordEnabled      {@code false}, or {@code not_supported} for the root user
 * @param passwordLastUsed     {@code N/A} (no password)
 * @param passwordLastChanged  {@code N/A}, or {@code not_supported} for the root user
 * @param passwordNextRotation {@code N/A}, or {@code not_supported} for the root user
 * @param mfaActive            whether an MFA device is active (never, here)
 * @param accessKey1           the user's first access key (by creation date)
 * @param accessKey2           the second access key
 * @param cert1Active          whether a first signing certificate is active (never, here)
 * @param cert1LastRotated     {@code N/A}
 * @param cert2Active          whether a second signing certificate is active (never, here)
 * @param cert2LastRotated     {@code N/A}
 */
public record CredentialReportRow(String user, String arn, Instant userCreationTime, String passwordEnabled,
                                  String passwordLastUsed, String passwordLastChanged, String passwordNextRotation,
                                  boolean mfaActive, KeyColumns accessKey1, KeyColumns accessKey2,
                                  boolean cert1Active, String cert1LastRotated, boolean cert2Active,
                                  String cert2LastRotated) {
    /** The {@code user} column of the root user's row. */
    public static final String ROOT_USER = "<root_account>";
    /** What a column holds when it does not apply. */
    public static final String NOT_APPLICABLE = "N/A";

    public CredentialReportRow {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(userCreationTime, "userCreationTime");
        Objects.requireNonNull(accessKey1, "accessKey1");
        Objects.requireNonNull(accessKey2, "accessKey2");
    }

    public boolean isRoot() {
        return ROOT_USER.equals(user);
    }

    /** Both access-key column groups, first then second. */
    public List<KeyColumns> accessKeys() {
        return List.of(accessKey1, accessKey2);
    }

    /**
     * The {@code access_key_N_*} columns.
     *
     * @param active          whether the key exists and is Active
     * @param lastRotated     when the key was created, {@code null} when there is no such key
     * @param lastUsed        the key's last use, {@code null} when it never was (or there is no key); prefer
     *                        {@link #lastUsedDate()}
     * @param lastUsedRegion  the region of the last use, or {@code N/A}
     * @param lastUsedService the service of the last use, or {@code N/A}
     */
    public record KeyColumns(boolean active, Instant lastRotated, Instant lastUsed, String lastUsedRegion,
                             String lastUsedService) {
        public KeyColumns {
            Objects.requireNonNull(lastUsedRegion, "lastUsedRegion");
            Objects.requireNonNull(lastUsedService, "lastUsedService");
        }

        /** Whether there is a key in this slot (Active or Inactive). */
        public boolean exists() {
            return lastRotated != null;
        }

        public Optional<Instant> lastRotatedDate() {
            return Optional.ofNullable(lastRotated);
        }

        public Optional<Instant> lastUsedDate() {
            return Optional.ofNullable(lastUsed);
        }
    }
}
