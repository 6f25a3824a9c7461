package io.keywarden.sdk.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A question for the policy simulator: would user {@code userName} be allowed {@code action} on {@code resource}?
 * The simulated request's context is the caller's own request (source IP, time, TLS, user agent, region), with the
 * condition keys set here overriding it; a key set with no values is removed. Immutable; build it with
 * {@link #builder()}.
 *
 * <pre>{@code
 * SimulationRequest.builder()
 *         .userName("alice")
 *         .action("iam:DeleteAccessKey")
 *         .resource("arn:aws:iam::123456789012:user/alice")
 *         .context("aws:SourceIp", "203.0.113.7")
 *         .build();
 * }</pre>
 */
public final class SimulationRequest {
    private final String userName;
    private final String action;
    private final String resource;
    private final Map<String, List<String>> context;

    private SimulationRequest(Builder builder) {
        this.userName = builder.userName;
        this.action = builder.action;
        this.resource = builder.resource;
        this.context = Collections.unmodifiableMap(new LinkedHashMap<>(builder.context));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The user whose policies are simulated ({@code ~}: the caller). */
    public String userName() {
        return userName;
    }

    /** {@code service:Action}, e.g. {@code iam:CreateAccessKey}. */
    public String action() {
        return action;
    }

    /** The resource ARN; empty means {@code *}. */
    public Optional<String> resource() {
        return Optional.ofNullable(resource);
    }

    /** The condition keys that override the caller's request context, in the order they were set. */
    public Map<String, List<String>> context() {
        return context;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SimulationRequest other && userName.equals(other.userName) && action.equals(other.action)
                && Objects.equals(resource, other.resource) && context.equals(other.context);
    }

    @Override
    public int hashCode() {
        return Objects.hash(userName, action, resource, context);
    }

    @Override
    public String toString() {
        return "SimulationRequest[userName=" + userName + ", action=" + action + ", resource=" + resource
                + ", context=" + context + "]";
    }

    /** Builds a {@link SimulationRequest}; user name and action are required. */
    public static final class Builder {
        private String userName;
        private String action;
        private String resource;
        private final Map<String, List<String>> context = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder userName(String userName) {
            this.userName = userName;
            return this;
        }

        public Builder action(String action) {
            this.action = action;
            return this;
        }

        /** The resource ARN, or {@code null} for {@code *}. */
        public Builder resource(String resource) {
            this.resource = resource;
            return this;
        }

        /** Sets a condition key's values, replacing the request's; no values removes the key from the context. */
        public Builder context(String key, String... values) {
            return context(key, List.of(values));
        }

        /** Sets a condition key's values, replacing the request's; an empty list removes the key from the context. */
        public Builder context(String key, List<String> values) {
            Objects.requireNonNull(key, "key");
            if (key.isEmpty()) {
                throw new IllegalArgumentException("a context key must not be empty");
            }
            context.put(key, List.copyOf(values));
            return this;
        }

        /**
         * @throws NullPointerException     when the user name or the action is missing
         * @throws IllegalArgumentException when the user name, the action or the resource is empty
         */
        public SimulationRequest build() {
            Objects.requireNonNull(userName, "userName");
            Objects.requireNonNull(action, "action");
            if (userName.isEmpty() || action.isEmpty()) {
                throw new IllegalArgumentException("userName and action must not be empty");
            }
            if (resource != null && resource.isEmpty()) {
                throw new IllegalArgumentException("resource must not be empty (leave it unset for '*')");
            }
            return new SimulationRequest(this);
        }
    }
}
