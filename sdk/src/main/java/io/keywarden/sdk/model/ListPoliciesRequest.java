package io.keywarden.sdk.model;

import io.keywarden.sdk.internal.PageSizes;
import java.util.Objects;
import java.util.Optional;

/**
 * The parameters of ListPolicies: the scope (default {@link PolicyScope#ALL}), whether to list only policies attached
 * to some user, a path prefix, the marker of the page to fetch and the page size (1-1000; the server's default, 100,
 * when not set). Immutable; build it with {@link #builder()} or start from {@link #all()}.
 */
public final class ListPoliciesRequest {
    private static final ListPoliciesRequest ALL = new Builder().build();

    private final PolicyScope scope;
    private final boolean onlyAttached;
    private final String pathPrefix;
    private final String marker;
    private final Integer maxItems;

    private ListPoliciesRequest(Builder builder) {
        this.scope = builder.scope;
        this.onlyAttached = builder.onlyAttached;
        this.pathPrefix = builder.pathPrefix;
        this.marker = builder.marker;
        this.maxItems = builder.maxItems;
    }

    /** Every managed policy, from the first page, in pages of the server's default size. */
    public static ListPoliciesRequest all() {
        return ALL;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Optional<PolicyScope> scope() {
        return Optional.ofNullable(scope);
    }

    public boolean onlyAttached() {
        return onlyAttached;
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
    public ListPoliciesRequest withMarker(String nextMarker) {
        return toBuilder().marker(nextMarker).build();
    }

    public Builder toBuilder() {
        return new Builder().scope(scope).onlyAttached(onlyAttached).pathPrefix(pathPrefix).marker(marker)
                .maxItems(maxItems);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ListPoliciesRequest other && scope == other.scope && onlyAttached == other.onlyAttached
                && Objects.equals(pathPrefix, other.pathPrefix) && Objects.equals(marker, other.marker)
                && Objects.equals(maxItems, other.maxItems);
    }

    @Override
    public int hashCode() {
        return Objects.hash(scope, onlyAttached, pathPrefix, marker, maxItems);
    }

    @Override
    public String toString() {
        return "ListPoliciesRequest[scope=" + scope + ", onlyAttached=" + onlyAttached + ", pathPrefix=" + pathPrefix
                + ", marker=" + marker + ", maxItems=" + maxItems + "]";
    }

    /** Builds a {@link ListPoliciesRequest}; every setting is optional and {@code null} clears it. */
    public static final class Builder {
        private PolicyScope scope;
        private boolean onlyAttached;
        private String pathPrefix;
        private String marker;
        private Integer maxItems;

        private Builder() {
        }

        public Builder scope(PolicyScope scope) {
            this.scope = scope;
            return this;
        }

        public Builder onlyAttached(boolean onlyAttached) {
            this.onlyAttached = onlyAttached;
            return this;
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
        public ListPoliciesRequest build() {
            if (pathPrefix != null && pathPrefix.isEmpty()) {
                throw new IllegalArgumentException("pathPrefix must not be empty (leave it unset to list all policies)");
            }
            if (marker != null && marker.isEmpty()) {
                throw new IllegalArgumentException("marker must not be empty (leave it unset for the first page)");
            }
            PageSizes.check(maxItems);
            return new ListPoliciesRequest(this);
        }
    }
}
