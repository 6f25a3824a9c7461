package io.keywarden.core.identity;

import java.time.Instant;
import java.util.Objects;

/** The account a server hosts, with the moment it was first set up (the root user's creation date). */
public record Account(AccountId id, Instant createDate) {
    public Account {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createDate, "createDate");
    }
}
