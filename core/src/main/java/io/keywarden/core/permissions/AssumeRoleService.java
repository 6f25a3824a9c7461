package io.keywarden.core.permissions;

import io.keywarden.core.auth.Caller;
import io.keywarden.core.authz.AuthorizationRequest;
import io.keywarden.core.authz.AuthorizationResult;
import io.keywarden.core.authz.Authorizer;
import io.keywarden.core.authz.Decision;
import io.keywarden.core.error.ErrorCode;
import io.keywarden.core.error.KeywardenException;
import io.keywarden.core.identity.AccountId;
import io.keywarden.core.identity.Principal;
import io.keywarden.core.identity.Role;
import io.keywarden.core.policy.ConditionContext;
import io.keywarden.core.policy.Evaluation;
import io.keywarden.core.policy.PolicyDocument;
import io.keywarden.core.policy.TrustPolicy;
import io.keywarden.core.policy.TrustRequest;
import io.keywarden.core.port.PolicyStore;
import io.keywarden.core.session.Session;
import io.keywarden.core.session.SessionKind;
import io.keywarden.core.session.SessionTokens;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * STS AssumeRole, as AWS documents it: the role's trust policy must allow the caller {@code sts:AssumeRole} (and
 * {@code sts:SetSourceIdentity} when a source identity is set), with {@code sts:RoleSessionName},
 * {@code sts:ExternalId} and {@code sts:SourceIdentity} in its context; when the trust policy trusts the caller only
 * through its account (the account, its root, or {@code *}), the caller's own policies must also allow
 * {@code sts:AssumeRole} on the role. The root user cannot assume roles. A session of a role that assumes a role (role
 * chaining) lasts at most an hour and keeps its source identity, which cannot be changed. Session policies are checked
 * here and narrow the session ({@link PolicyAuthorizer}).
 */
public final class AssumeRoleService {
    public static final String ACTION = "sts:AssumeRole";
    public static final String SET_SOURCE_IDENTITY = "sts:SetSourceIdentity";
    public static final int DEFAULT_DURATION = 3600;
    public static final int CHAINED_MAX_DURATION = 3600;
    /** The packed size of session policies: the inline one's characters (whitespace not counted) against 2,048. */
    public static final int PACKED_POLICY_LIMIT = 2048;
    public static final int MAX_POLICY_ARNS = 10;
    /** The inline policy AWS's "Revoke active sessions" puts on a role. */
    public static final String REVOKE_POLICY = "AWSRevokeOlderSessions";

    private final RoleService roles;
    private final PolicyStore policies;
    private final Authorizer authorizer;
    private final SessionTokens tokens;

    public AssumeRoleService(RoleService roles, PolicyStore policies, Authorizer authorizer, SessionTokens tokens) {
        this.roles = Objects.requireNonNull(roles, "roles");
        this.policies = Objects.requireNonNull(policies, "policies");
        this.authorizer = Objects.requireNonNull(authorizer, "authorizer");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
    }

    /** What AssumeRole issued, with the packed size of its session policies (AWS's {@code PackedPolicySize}, percent). */
    public record Assumed(SessionTokens.Issued issued, int packedPolicySize) {
    }

    public Assumed assumeRole(Caller caller, String roleArn, String sessionName, Integer durationSeconds,
                              String externalId, String sessionPolicy, List<String> policyArns, String sourceIdentity) {
        Principal p = caller.principal();
        if (p.isRoot()) {
            throw KeywardenException.of(ErrorCode.ACCESS_DENIED, "Roles may not be assumed by root accounts.");
        }
        Role role = findRole(roleArn).orElseThrow(() -> denied(p, roleArn));
        Session current = caller.session();
        boolean chaining = p instanceof Principal.AssumedRole;
        int seconds = durationSeconds == null ? DEFAULT_DURATION : durationSeconds;
        if (chaining && seconds > CHAINED_MAX_DURATION) {
            throw KeywardenException.of(ErrorCode.VALIDATION_ERROR, "The requested DurationSeconds exceeds the 1 hour"
                    + " session limit for roles assumed by role chaining.");
        }
        if (seconds > role.maxSessionDuration()) {
            throw KeywardenException.of(ErrorCode.VALIDATION_ERROR, "The requested DurationSeconds exceeds the"
                    + " MaxSessionDuration set for this role.");
        }
        String inherited = current == null ? null : current.sourceIdentity();
        if (inherited != null && sourceIdentity != null && !inherited.equals(sourceIdentity)) {
            throw KeywardenException.of(ErrorCode.ACCESS_DENIED, "User: " + p.arn() + " is not authorized to perform:"
                    + " " + SET_SOURCE_IDENTITY + " on resource: " + role.arn() + ": the source identity "
                    + inherited + " of this session cannot be changed");
        }
        String effectiveSource = sourceIdentity != null ? sourceIdentity : inherited;

        ConditionContext.Builder context = RequestContexts.of(caller).toBuilder();
        context.put("sts:RoleSessionName", sessionName);
        if (externalId != null) {
            context.put("sts:ExternalId", externalId);
        }
        if (effectiveSource != null) {
            context.put("sts:SourceIdentity", effectiveSource);
        }
        ConditionContext ctx = context.build();
        TrustPolicy trust = TrustPolicy.parse(role.assumeRolePolicyDocument());
        String callerRoleArn = p instanceof Principal.AssumedRole session ? session.roleArn() : null;
        Evaluation allowed = trust.evaluate(new TrustRequest(p.arn(), p.accountId().value(), callerRoleArn, ACTION,
                role.arn(), ctx));
        if (allowed.decision() != Decision.ALLOW) {
            throw denied(p, role.arn());
        }
        if (sourceIdentity != null && trust.evaluate(new TrustRequest(p.arn(), p.accountId().value(), callerRoleArn,
                SET_SOURCE_IDENTITY, role.arn(), ctx)).decision() != Decision.ALLOW) {
            throw KeywardenException.of(ErrorCode.ACCESS_DENIED, "User: " + p.arn() + " is not authorized to perform: "
                    + SET_SOURCE_IDENTITY + " on resource: " + role.arn());
        }
        // trusted only through the account (its ID, its root, or anyone): the caller's own policies must allow it too
        String accountRoot = p.accountId().rootArn();
        boolean throughAccount = trust.evaluate(new TrustRequest(accountRoot, p.accountId().value(), null, ACTION,
                role.arn(), ctx)).decision() == Decision.ALLOW;
        if (throughAccount) {
            AuthorizationResult own = authorizer.authorize(new AuthorizationRequest(caller, ACTION, role.arn()));
            if (own.decision() != Decision.ALLOW) {
                throw denied(p, role.arn());
            }
        }
        int packed = checkSessionPolicies(p.accountId(), sessionPolicy, policyArns);

        Principal session = Principal.assumedRole(p.accountId(), role.roleId(), role.roleName(),
                role.path().value(), sessionName);
        String original = current == null ? null
                : current.originalRequester() != null ? current.originalRequester() : current.requester();
        SessionTokens.Issued issued = tokens.issue(SessionKind.ASSUMED_ROLE, session, Duration.ofSeconds(seconds),
                effectiveSource, sessionPolicy, policyArns == null ? List.of() : policyArns, p.arn(), original);
        return new Assumed(issued, packed);
    }

    /**
     * {@link #REVOKE_POLICY}'s document: deny everything to sessions issued before {@code now}. Issue times count
     * whole seconds, so the bound is {@code now} rounded up to the next second: a session issued in the same second
     * as the revocation, before or after it, is revoked too (never one issued before it kept).
     */
    public static String revokeOlderSessions(java.time.Instant now) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Action\":[\"*\"],"
                + "\"Resource\":[\"*\"],\"Condition\":{\"DateLessThan\":{\"aws:TokenIssueTime\":\""
                + java.time.format.DateTimeFormatter.ISO_INSTANT.format(
                now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).plusSeconds(now.getNano() == 0 ? 0 : 1)) + "\"}}}]}";
    }

    private int checkSessionPolicies(AccountId account, String sessionPolicy, List<String> policyArns) {
        int size = 0;
        if (sessionPolicy != null) {
            size = PolicyDocument.parse(sessionPolicy).sizeWithoutWhitespace();
        }
        List<String> arns = policyArns == null ? List.of() : policyArns;
        if (arns.size() > MAX_POLICY_ARNS) {
            throw KeywardenException.of(ErrorCode.VALIDATION_ERROR, "1 validation error detected: Value at"
                    + " 'policyArns' failed to satisfy constraint: Member must have length less than or equal to "
                    + MAX_POLICY_ARNS);
        }
        for (String arn : arns) {
            if (policies.findPolicy(account, arn).isEmpty()) {
                throw KeywardenException.of(ErrorCode.INVALID_PARAMETER_VALUE, "Policy " + arn
                        + " does not exist or is not attachable.");
            }
            size += arn.length();
        }
        int percent = (int) Math.ceil(100.0 * size / PACKED_POLICY_LIMIT);
        if (percent > 100) {
            throw KeywardenException.of(ErrorCode.PACKED_POLICY_TOO_LARGE, "Packed size of consumed session policies"
                    + " exceeds the limit: " + percent + "% of allowed size.");
        }
        return percent;
    }

    /** The role the ARN names in this account, path included; empty for another account's or a missing role. */
    private Optional<Role> findRole(String roleArn) {
        String prefix = "arn:aws:iam::" + roles.account().value() + ":role/";
        if (roleArn == null || !roleArn.startsWith(prefix)) {
            return Optional.empty();
        }
        String name = roleArn.substring(roleArn.lastIndexOf('/') + 1);
        return roles.findRole(name).filter(r -> r.arn().equals(roleArn));
    }

    /** AWS's answer whether the role is missing or does not trust the caller: the two are not told apart. */
    private static KeywardenException denied(Principal p, String roleArn) {
        return KeywardenException.of(ErrorCode.ACCESS_DENIED, "User: " + p.arn() + " is not authorized to perform: "
                + ACTION + " on resource: " + roleArn);
    }
}
