package io.keywarden.sdk.model;

import io.keywarden.sdk.internal.Seconds;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The parameters of CreateRole: the role name and its trust policy are required; path ({@code /} by default),
 * description, maximum session duration (1 hour by default, at most 12) and tags are optional. The service checks
 * names, lengths, ranges and the trust policy (which needs a {@code Principal}). Immutable; build it with
 * {@link #builder()}.
 *
 * <pre>{@code
 * CreateRoleRequest.builder()
 *         .roleName("deployer")
 *         .assumeRolePolicyDocument(trustPolicyJson)
 *         .path("/ci/")
 *         .maxSessionDuration(Duration.ofHours(2))
 *         .tag("team", "platform")
 *         .build();
 * }</pre>
 */
public final class CreateRoleRequest {
    private final String roleName;
    private final String assumeRolePolicyDocument;
    private final String path;
    private final String description;
    private final Duration maxSessionDuration;
    private final List<Tag> tags;

    private CreateRoleRequest(Builder builder) {
        this.roleName = builder.roleName;
        this.assumeRolePolicyDocument = builder.assumeRolePolicyDocument;
        this.path = builder.path;
        this.description = builder.description;
        this.maxSessionDuration = builder.maxSessionDuration;
        this.tags = List.copyOf(builder.tags);
    }

    public static Builder builder() {
        return new Builder();
    }

    public String roleName() {
        return roleName;
    }

    /** The trust policy, plain JSON (the SDK sends it as it is). */
    public String assumeRolePolicyDocument() {
        return assumeRolePolicyDocument;
    }

    public Optional<String> path() {
        return Optional.ofNullable(path);
    }

    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    public Optional<Duration> maxSessionDuration() {
        return Optional.ofNullable(maxSessionDuration);
    }

    public List<Tag> tags() {
        return tags;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CreateRoleRequest other && roleName.equals(other.roleName)
                && assumeRolePolicyDocument.equals(other.assumeRolePolicyDocument) && Objects.equals(path, other.path)
                && Objects.equals(description, other.description)
                && Objects.equals(maxSessionDuration, other.maxSessionDuration) && tags.equals(other.tags);
    }

    @Override
    public int hashCode() {
        return Objects.hash(roleName, assumeRolePolicyDocument, path, description, maxSessionDuration, tags);
    }

    @Override
    public String toString() {
        return "CreateRoleRequest[roleName=" + roleName + ", path=" + path + ", description=" + description
                + ", maxSessionDuration=" + maxSessionDuration + ", tags=" + tags + "]";
    }

    /** Builds a {@link CreateRoleRequest}; role name and trust policy are required, {@code null} clears the rest. */
    public static final class Builder {
        private String roleName;
        private String assumeRolePolicyDocument;
        private String path;
        private String description;
        private Duration maxSessionDuration;
        private final List<Tag> tags = new ArrayList<>();

        private Builder() {
        }

        public Builder roleName(String roleName) {
            this.roleName = roleName;
            return this;
        }

        /** The trust policy: who may assume the role, e.g. {@code {"Version":"2012-10-17","Statement":[…]}}. */
        public Builder assumeRolePolicyDocument(String assumeRolePolicyDocument) {
            this.assumeRolePolicyDocument = assumeRolePolicyDocument;
            return this;
        }

        /** {@code /} or {@code /division/team/}; unset means {@code /}. */
        public Builder path(String path) {
            this.path = path;
            return this;
        }

        /** Up to 1,000 characters. */
        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /** 1 to 12 hours in whole seconds; unset means 1 hour. */
        public Builder maxSessionDuration(Duration maxSessionDuration) {
            this.maxSessionDuration = maxSessionDuration;
            return this;
        }

        /** Adds a tag. */
        public Builder tag(String key, String value) {
            tags.add(new Tag(key, value));
            return this;
        }

        /** Replaces the tags. */
        public Builder tags(List<Tag> tags) {
            this.tags.clear();
            this.tags.addAll(List.copyOf(tags));
            return this;
        }

        /**
         * @throws NullPointerException     when the role name or the trust policy is missing
         * @throws IllegalArgumentException when one of them is empty, the path or description is empty, or the
         *                                  maximum session duration is not a positive whole number of seconds
         */
        public CreateRoleRequest build() {
            Objects.requireNonNull(roleName, "roleName");
            Objects.requireNonNull(assumeRolePolicyDocument, "assumeRolePolicyDocument");
            if (roleName.isEmpty() || assumeRolePolicyDocument.isEmpty()) {
                throw new IllegalArgumentException("roleName and assumeRolePolicyDocument must not be empty");
            }
            if (path != null && path.isEmpty()) {
                throw new IllegalArgumentException("path must not be empty (leave it unset for '/')");
            }
            Seconds.of(maxSessionDuration, "maxSessionDuration");
            return new CreateRoleRequest(this);
        }
    }
}
