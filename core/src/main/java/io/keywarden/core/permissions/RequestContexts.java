package io.keywarden.core.permissions;

import io.keywarden.core.auth.Caller;
import io.keywarden.core.identity.Principal;
import io.keywarden.core.policy.ConditionContext;
import io.keywarden.core.session.Session;

import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * The global condition keys of a request, as AWS sets them for long-term access keys: {@code aws:username} (IAM users
 * only), {@code aws:userid}, {@code aws:PrincipalAccount}, {@code aws:PrincipalArn}, {@code aws:PrincipalType},
 * {@code aws:SourceIp}, {@code aws:CurrentTime}, {@code aws:EpochTime}, {@code aws:SecureTransport},
 * {@code aws:UserAgent} and {@code aws:RequestedRegion}. {@code aws:MultiFactorAuthPresent} is absent, as AWS leaves
 * it for long-term keys.
 *
 * <p>For temporary credentials (a request signed with a session) also {@code aws:TokenIssueTime} (ISO-8601),
 * {@code aws:MultiFactorAuthPresent} = {@code false} (Keywarden has no MFA devices), and {@code aws:SourceIdentity}
 * and {@code sts:SourceIdentity} when the session has a source identity. For a role session
 * {@code aws:PrincipalArn} is the role's ARN, {@code aws:userid} {@code ROLEID:SESSION} and
 * {@code aws:PrincipalType} {@code AssumedRole}.
 */
public final class RequestContexts {
    private RequestContexts() {
    }

    /**
     * The caller's context with {@code overrides} applied: each key given replaces the request's values for that key
     * (case-insensitively); a key given with no values is removed. For the policy simulator.
     */
    public static ConditionContext of(Caller caller, Map<String, List<String>> overrides) {
        ConditionContext base = of(caller);
        if (overrides.isEmpty()) {
            return base;
        }
        ConditionContext.Builder b = base.toBuilder();
        overrides.forEach(b::put);
        return b.build();
    }

    public static ConditionContext of(Caller caller) {
        Principal p = caller.principal();
        ConditionContext.Builder b = ConditionContext.builder();
        p.user().ifPresent(u -> b.put("aws:username", u.userName().value()));
        b.put("aws:userid", p.userId());
        b.put("aws:PrincipalAccount", p.accountId().value());
        b.put("aws:PrincipalArn", p.principalArn());
        b.put("aws:PrincipalType", p.type());
        if (!caller.sourceIp().isEmpty()) {
            b.put("aws:SourceIp", caller.sourceIp());
        }
        b.put("aws:CurrentTime", DateTimeFormatter.ISO_INSTANT.format(caller.requestTime().truncatedTo(ChronoUnit.SECONDS)));
        b.put("aws:EpochTime", Long.toString(caller.requestTime().getEpochSecond()));
        b.put("aws:SecureTransport", Boolean.toString(caller.secureTransport()));
        if (!caller.userAgent().isEmpty()) {
            b.put("aws:UserAgent", caller.userAgent());
        }
        if (!caller.region().isEmpty()) {
            b.put("aws:RequestedRegion", caller.region());
        }
        Session session = caller.session();
        if (session != null) {
            b.put("aws:TokenIssueTime", DateTimeFormatter.ISO_INSTANT.format(session.issuedAt()));
            b.put("aws:MultiFactorAuthPresent", "false");
            if (session.sourceIdentity() != null) {
                b.put("aws:SourceIdentity", session.sourceIdentity());
                b.put("sts:SourceIdentity", session.sourceIdentity());
            }
        }
        return b.build();
    }
}
