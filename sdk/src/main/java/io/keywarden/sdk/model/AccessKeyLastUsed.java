package io.keywarden.sdk.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * When, for which service and in which region an access key last authenticated a request. A key never used has
 * no date and {@code N/A} as service and region, as in AWS.
 *
 * @param accessKeyId the key asked about
 * @param userName    the owning user, {@code null} for the root user's keys
 * @param date        the last use, {@code null} when never used; prefer {@link #lastUsedDate()}
 * @param serviceName the SigV4 service of the last use, e.g. {@code iam}, or {@code N/A}
 * @param region      the SigV4 region of the last use, or {@code N/A}
 */
public record AccessKeyLastUsed(String accessKeyId, String userName, Instant date, String serviceName,
                                String region) {
    /** The service and region of a key never used. */
    public static final String NOT_APPLICABLE = "N/A";

    public AccessKeyLastUsed {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(serviceName, "serviceName");
        Objects.requireNonNull(region, "region");
    }

    /** The last use; empty when the key was never used. */
    public Optional<Instant> lastUsedDate() {
        return Optional.ofNullable(date);
    }

    public boolean wasUsed() {
        return date != null;
    }

    /** The owning user's name; empty for the root user's keys. */
    public Optional<String> owner() {
        return Optional.ofNullable(userName);
    }
}
