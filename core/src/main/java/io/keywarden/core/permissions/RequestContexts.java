package io.keywarden.core.permissions;

import io.keywarden.core.auth.Caller;
import io.keywarden.core.identity.Principal;
import io.keywarden.core.policy.ConditionContext;

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
        b.put("aws:PrincipalArn", p.arn());
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
        return b.build();
    }
}
