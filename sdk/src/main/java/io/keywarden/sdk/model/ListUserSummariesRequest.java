package io.keywarden.sdk.model;

import io.keywarden.sdk.internal.PageSizes;

import java.util.Objects;
import java.util.Optional;

/**
 * The parameters of ListUserSummaries: the order (by name when not set), its direction, a search (a user-name prefix,
 * or an access key ID to find its owner), the marker of the page to fetch and the page size (1-1000; the server's
 * default, 100, when not set). Immutable; build it with {@link #builder()}.
 */
public final class ListUserSummariesRequest {
    /** The orders of the Users table. */
    public enum SortBy {
        USER_NAME("userName"), CREATE_DATE("createDate"), ACTIVE_KEY_AGE("activeKeyAge"),
        ACCESS_KEY_LAST_USED("accessKeyLastUsed"), PASSWORD_AGE("passwordAge"),
        CONSOLE_LAST_SIGN_IN("consoleLastSignIn");

        private final String wireName;

        SortBy(String wireName) {
            this.wireName = wireName;
        }

        /** The {@code sort} parameter's value. */
        public String wireName() {
            return wireName;
        }
    }

    private final SortBy sort;
    private final boolean descending;
    private final String search;
    private final String marker;
    private final Integer maxItems;

    private ListUserSummariesRequest(Builder b) {
        this.sort = b.sort;
        this.descending = b.descending;
        this.search = b.search;
        this.marker = b.marker;
        this.maxItems = b.maxItems;
    }

    public static Builder builder() {
        return new Builder();
    }

    public SortBy sort() {
        return sort;
    }

    public boolean descending() {
        return descending;
    }

    public Optional<String> search() {
        return Optional.ofNullable(search);
    }

    public Optional<String> marker() {
        return Optional.ofNullable(marker);
    }

    public Optional<Integer> maxItems() {
        return Optional.ofNullable(maxItems);
    }

    /** The same request for the page that {@code nextMarker} starts. */
    public ListUserSummariesRequest withMarker(String nextMarker) {
        return new Builder().sort(sort).descending(descending).search(search).maxItems(maxItems).marker(nextMarker)
                .build();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ListUserSummariesRequest r && sort == r.sort && descending == r.descending
                && Objects.equals(search, r.search) && Objects.equals(marker, r.marker)
                && Objects.equals(maxItems, r.maxItems);
    }

    @Override
    public int hashCode() {
        return Objects.hash(sort, descending, search, marker, maxItems);
    }

    @Override
    public String toString() {
        return "ListUserSummariesRequest[sort=" + sort.wireName() + ", descending=" + descending + ", search="
                + search + ", marker=" + marker + ", maxItems=" + maxItems + "]";
    }

    /** Builds a {@link ListUserSummariesRequest}; every setting is optional. */
    public static final class Builder {
        private SortBy sort = SortBy.USER_NAME;
        private boolean descending;
        private String search;
        private String marker;
        private Integer maxItems;

        private Builder() {
        }

        /** The order; {@code null} for the default, by name. */
        public Builder sort(SortBy sort) {
            this.sort = sort == null ? SortBy.USER_NAME : sort;
            return this;
        }

        public Builder descending(boolean descending) {
            this.descending = descending;
            return this;
        }

        /** A user-name prefix (case-insensitive) or an access key ID; {@code null} or blank for every user. */
        public Builder search(String search) {
            this.search = search == null || search.isBlank() ? null : search;
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

        /** @throws IllegalArgumentException for an empty marker, a search over 128 characters or a bad page size */
        public ListUserSummariesRequest build() {
            if (marker != null && marker.isEmpty()) {
                throw new IllegalArgumentException("marker must not be empty (leave it unset for the first page)");
            }
            if (search != null && search.length() > 128) {
                throw new IllegalArgumentException("search must be at most 128 characters");
            }
            PageSizes.check(maxItems);
            return new ListUserSummariesRequest(this);
        }
    }
}
