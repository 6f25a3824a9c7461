package io.keywarden.sdk.model;

import io.keywarden.sdk.internal.Seconds;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The parameters of AssumeRole: the role's ARN and a session name are required; the session's duration (15 minutes
 * up to the role's maximum session duration; 1 hour when unset, and at most 1 hour when the caller is itself a role
 * session), the external ID the trust policy may require ({@code sts:ExternalId}), session policies that can only
 * narrow what the role allows (an inline {@code policy} and managed {@code policyArns}) and a source identity
 * (set once, then carried through role chaining) are optional. The service checks them all. Immutable; build it with
 * {@link #builder()}.
 *
 * <pre>{@code
 * AssumeRoleRequest.builder()
 *         .roleArn("arn:aws:iam::123456789012:role/ci/deployer")
 *         .roleSessionName("build-4711")
 *         .duration(Duration.ofMinutes(30))
 *         .sourceIdentity("alice")
 *         .build();
 * }</pre>
 */
public final class AssumeRoleRequest {
    private final String roleArn;
    private final String roleSessionName;
    private final Duration duration;
    private final String externalId;
    private final String policy;
    private final List<String> policyArns;
    private final String sourceIdentity;

    private AssumeRoleRequest(Builder builder) {
        this.roleArn = builder.roleArn;
        this.roleSessionName = builder.roleSessionName;
        this.duration = builder.duration;
        this.externalId = builder.externalId;
        this.policy = builder.policy;
        this.policyArns = List.copyOf(builder.policyArns);
        this.sourceIdentity = builder.sourceIdentity;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** {@code arn:aws:iam::ACCOUNT:role/PATH/NAME}. */
    public String roleArn() {
        return roleArn;
    }

    /** 2-64 characters of {@code [A-Za-z0-9+=,.@_-]}; it names the session in its ARN and in the audit trail. */
    public String roleSessionName() {
        return roleSessionName;
    }

    /** The session's duration; empty for the service's default (1 hour). */
    public Optional<Duration> duration() {
        return Optional.ofNullable(duration);
    }

    public Optional<String> externalId() {
        return Optional.ofNullable(externalId);
    }

    /** The inline session policy (JSON). */
    public Optional<String> policy() {
        return Optional.ofNullable(policy);
    }

    /** The ARNs of managed policies used as session policies. */
    public List<String> policyArns() {
        return policyArns;
    }

    public Optional<String> sourceIdentity() {
        return Optional.ofNullable(sourceIdentity);
    }

    public Builder toBuilder() {
        return new Builder().roleArn(roleArn).roleSessionName(roleSessionName).duration(duration)
                .externalId(externalId).policy(policy).policyArns(policyArns).sourceIdentity(sourceIdentity);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AssumeRoleRequest other && roleArn.equals(other.roleArn)
                && roleSessionName.equals(other.roleSessionName) && Objects.equals(duration, other.duration)
                && Objects.equals(externalId, other.externalId) && Objects.equals(policy, other.policy)
                && policyArns.equals(other.policyArns) && Objects.equals(sourceIdentity, other.sourceIdentity);
    }

    @Override
    public int hashCode() {
        return Objects.hash(roleArn, roleSessionName, duration, externalId, policy, policyArns, sourceIdentity);
    }

    @Override
    public String toString() {
        return "AssumeRoleRequest[roleArn=" + roleArn + ", roleSessionName=" + roleSessionName + ", duration="
                + duration + ", externalId=" + (externalId == null ? "none" : "<set>") + ", policy="
                + (policy == null ? "none" : policy.length() + " characters") + ", policyArns=" + policyArns
                + ", sourceIdentity=" + sourceIdentity + "]";
    }

    /** Builds an {@link AssumeRoleRequest}; role ARN and session name are required, {@code null} clears the rest. */
    public static final class Builder {
        private String roleArn;
        private String roleSessionName;
        private Duration duration;
        private String externalId;
        private String policy;
        private final List<String> policyArns = new ArrayList<>();
        private String sourceIdentity;

        private Builder() {
        }

        public Builder roleArn(String roleArn) {
            this.roleArn = roleArn;
            return this;
        }

        public Builder roleSessionName(String roleSessionName) {
            this.roleSessionName = roleSessionName;
            return this;
        }

        /** 15 minutes up to the role's maximum session duration, in whole seconds; unset means 1 hour. */
        public Builder duration(Duration duration) {
            this.duration = duration;
            return this;
        }

        public Builder externalId(String externalId) {
            this.externalId = externalId;
            return this;
        }

        /** An inline session policy (JSON): the session may do only what it and the role's policies both allow. */
        public Builder policy(String policy) {
            this.policy = policy;
            return this;
        }

        /** Managed policies as session policies (replaces any set before). */
        public Builder policyArns(List<String> policyArns) {
            this.policyArns.clear();
            if (policyArns != null) {
                this.policyArns.addAll(List.copyOf(policyArns));
            }
            return this;
        }

        /** Managed policies as session policies (replaces any set before). */
        public Builder policyArns(String... policyArns) {
            return policyArns(List.of(policyArns));
        }

        /** Who is behind the session (e.g. the person's user name); once set it cannot be changed in a chain. */
        public Builder sourceIdentity(String sourceIdentity) {
            this.sourceIdentity = sourceIdentity;
            return this;
        }

        /**
         * @throws NullPointerException     when the role ARN or the session name is missing
         * @throws IllegalArgumentException when a value set is empty, or the duration is not a positive whole number
         *                                  of seconds
         */
        public AssumeRoleRequest build() {
            Objects.requireNonNull(roleArn, "roleArn");
            Objects.requireNonNull(roleSessionName, "roleSessionName");
            for (String[] value : new String[][]{{"roleArn", roleArn}, {"roleSessionName", roleSessionName},
                    {"externalId", externalId}, {"policy", policy}, {"sourceIdentity", sourceIdentity}}) {
                if (value[1] != null && value[1].isEmpty()) {
                    throw new IllegalArgumentException(value[0] + " must not be empty");
                }
            }
            if (policyArns.stream().anyMatch(arn -> arn == null || arn.isEmpty())) {
                throw new IllegalArgumentException("policyArns must not hold empty ARNs");
            }
            Seconds.of(duration, "duration");
            return new AssumeRoleRequest(this);
        }
    }
}
