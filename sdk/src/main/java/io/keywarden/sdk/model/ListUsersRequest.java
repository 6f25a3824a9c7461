package io.keywarden.sdk.model;

import io.keywarden.sdk.internal.PageSizes;
import java.util.Objects;
import java.util.Optional;

/**
 * The parameters of ListUsers: an optional path prefix ({@code /division/} lists that subtree), the marker of the
 * page to fetch (none: the first page) and the page size (1-1000; the server's default, 100, when not set).
 * Immutable; build it with {@link #builder()} or start from {@link #all()}.
 */
public final class ListUsersRequest {
    public static final int MAX_ITEMS_LIMIT = io.keywarden.core.port.PageRequest.MAX_ITEMS_LIMIT;
    private static final ListUsersRequest ALL = new Builder().build();

    private final String pathPrefix;
    private final String marker;
    private final Integer maxItems;

    private ListUsersRequest(Builder builder) {
        this.pathPrefix = builder.pathPrefix;
        this.marker = builder.marker;
        this.maxItems = builder.maxItems;
    }

    /** Every user, from the first page, in pages of the server's default size. */
    public static ListUsersRequest all() {
        return ALL;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Optional<String> pathPrefix() {
        return Optional.ofNullable(pathPrefix);
    }

    public Optional<String> marker() {
        return Optional.ofNullable(marker);
    }

    public Optional<Integer> maxItems() {
        return Optional.ofNullable(maxItems);
    }

    /** The same request for the page that {@code nextMarker} starts. */
    public ListUsersRequest withMarker(String nextMarker) {
        return toBuilder().marker(nextMarker).build();
    }

    public Builder toBuilder() {
        return new Builder().pathPrefix(pathPrefix).marker(marker).maxItems(maxItems);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ListUsersRequest other && Objects.equals(pathPrefix, other.pathPrefix)
                && Objects.equals(marker, other.marker) && Objects.equals(maxItems, other.maxItems);
    }

    @Override
    public int hashCode() {
        return Objects.hash(pathPrefix, marker, maxItems);
    }

    @Override
    public String toString() {
        return "ListUsersRequest[pathPrefix=" + pathPrefix + ", marker=" + marker + ", maxItems=" + maxItems + "]";
    }

    /** Builds a {@link ListUsersRequest}; every setting is optional and {@code null} clears it. */
    public static final class Builder {
        private String pathPrefix;
        private String marker;
        private Integer maxItems;

        private Builder() {
        }

        public Builder pathPrefix(String pathPrefix) {
            this.pathPrefix = pathPrefix;
            return this;
        }

        public Builder marker(String marker) {
            this.marker = marker;
            return this;
        }

        public Builder maxItems(Integer maxItems) {
            this.maxItems = maxItems;
            return this;
        }

        /** @throws IllegalArgumentException for an empty path prefix or marker, or a page size outside 1-1000 */
        public ListUsersRequest build() {
            if (pathPrefix != null && pathPrefix.isEmpty()) {
                throw new IllegalArgumentException("pathPrefix must not be empty (leave it unset to list all users)");
            }
            if (marker != null && marker.isEmpty()) {
                throw new IllegalArgumentException("marker must not be empty (leave it unset for the first page)");
            }
            PageSizes.check(maxItems);
            return new ListUsersRequest(this);
        }
    }
}
