package io.keywarden.core.keys;

import io.keywarden.core.identity.AccountId;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** An access key's metadata. The secret is never part of it. */
public record AccessKey(AccessKeyId id, AccountId accountId, KeyOwner owner, KeyStatus status, Instant createDate,
                        LastUsed lastUsed) {
    public AccessKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createDate, "createDate");
    }

    public Optional<LastUsed> lastUsedRecord() {
        return Optional.ofNullable(lastUsed);
    }

    public boolean isActive() {
        return status == KeyStatus.ACTIVE;
    }

    /** Whole days since the key was created. */
    public long ageInDays(Clock clock) {
        return Duration.between(createDate, clock.instant()).toDays();
    }

    public AccessKey withStatus(KeyStatus newStatus) {
        return new AccessKey(id, accountId, owner, newStatus, createDate, lastUsed);
    }
}
