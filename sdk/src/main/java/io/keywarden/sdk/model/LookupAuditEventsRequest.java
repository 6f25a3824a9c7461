package io.keywarden.sdk.model;

import io.keywarden.sdk.internal.PageSizes;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The filters of an audit-event look-up (every one that is set must match) and the page to fetch: access key ID
 * (the key a call was signed with, or the key it issued: a look-up by an {@code ASIA} key ID finds the STS call that
 * made it), the calling user's name ({@code root} for the root user), event name, read-only, a resource name (a
 * user, role or policy name, a role or policy ARN, an access key ID), a time range ({@code from} inclusive, {@code to} exclusive), the marker of the
 * page (none: the newest events) and the page size (1-1000; the server's default, 100, when not set). Immutable.
 */
public final class LookupAuditEventsRequest {
    private static final LookupAuditEventsRequest ALL = new Builder().build();

    private final String accessKeyId;
    private final String userName;
    private final String eventName;
    private final Boolean readOnly;
    private final String resourceName;
    private final Instant from;
    private final Instant to;
    private final String marker;
    private final Integer maxItems;

    private LookupAuditEventsRequest(Builder b) {
        this.accessKeyId = b.accessKeyId;
        this.userName = b.userName;
        this.eventName = b.eventName;
        this.readOnly = b.readOnly;
        this.resourceName = b.resourceName;
        this.from = b.from;
        this.to = b.to;
        this.marker = b.marker;
        this.maxItems = b.maxItems;
    }

    /** Every event, newest first. */
    public static LookupAuditEventsRequest all() {
        return ALL;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Optional<String> accessKeyId() {
        return Optional.ofNullable(accessKeyId);
    }

    public Optional<String> userName() {
        return Optional.ofNullable(userName);
    }

    public Optional<String> eventName() {
        return Optional.ofNullable(eventName);
    }

    public Optional<Boolean> readOnly() {
        return Optional.ofNullable(readOnly);
    }

    public Optional<String> resourceName() {
        return Optional.ofNullable(resourceName);
    }

    public Optional<Instant> from() {
        return Optional.ofNullable(from);
    }

    public Optional<Instant> to() {
        return Optional.ofNullable(to);
    }

    public Optional<String> marker() {
        return Optional.ofNullable(marker);
    }

    public Optional<Integer> maxItems() {
        return Optional.ofNullable(maxItems);
    }

    public Builder toBuilder() {
        return new Builder().accessKeyId(accessKeyId).userName(userName).eventName(eventName).readOnly(readOnly)
                .resourceName(resourceName).from(from).to(to)
                .marker(marker).maxItems(maxItems);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LookupAuditEventsRequest r && Objects.equals(accessKeyId, r.accessKeyId)
                && Objects.equals(userName, r.userName) && Objects.equals(eventName, r.eventName)
                && Objects.equals(readOnly, r.readOnly) && Objects.equals(resourceName, r.resourceName)
                && Objects.equals(from, r.from) && Objects.equals(to, r.to) && Objects.equals(marker, r.marker)
                && Objects.equals(maxItems, r.maxItems);
    }

    @Override
    public int hashCode() {
        return Objects.hash(accessKeyId, userName, eventName, readOnly, resourceName, from, to, marker, maxItems);
    }

    @Override
    public String toString() {
        return "LookupAuditEventsRequest[accessKeyId=" + accessKeyId + ", userName=" + userName + ", eventName="
                + eventName + ", readOnly=" + readOnly + ", resourceName=" + resourceName + ", from=" + from + ", to=" + to + ", marker=" + marker + ", maxItems=" + maxItems + "]";
    }

    /** Builds a {@link LookupAuditEventsRequest}; every setting is optional and {@code null} clears it. */
    public static final class Builder {
        private String accessKeyId;
        private String userName;
        private String eventName;
        private Boolean readOnly;
        private String resourceName;
        private Instant from;
        private Instant to;
        private String marker;
        private Integer maxItems;

        private Builder() {
        }

        public Builder accessKeyId(String accessKeyId) {
            this.accessKeyId = accessKeyId;
            return this;
        }

        public Builder userName(String userName) {
            this.userName = userName;
            return this;
        }

        public Builder eventName(String eventName) {
            this.eventName = eventName;
            return this;
        }

        /** {@code true}: only reads; {@code false}: only changes; {@code null}: both. */
        public Builder readOnly(Boolean readOnly) {
            this.readOnly = readOnly;
            return this;
        }

        public Builder resourceName(String resourceName) {
            this.resourceName = resourceName;
            return this;
        }

        public Builder from(Instant from) {
            this.from = from;
            return this;
        }

        public Builder to(Instant to) {
            this.to = to;
            return this;
        }

        public Builder marker(String marker) {
            this.marker = marker;
            return this;
        }

        public Builder maxItems(Integer maxItems) {
            PageSizes.check(maxItems);
            this.maxItems = maxItems;
            return this;
        }

        public LookupAuditEventsRequest build() {
            if (from != null && to != null && !from.isBefore(to)) {
                throw new IllegalArgumentException("from must be before to");
            }
            return new LookupAuditEventsRequest(this);
        }
    }
}
