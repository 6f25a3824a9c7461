package io.keywarden.server.config;

import io.keywarden.core.authz.Authorizer;
import io.keywarden.core.permissions.PolicyAuthorizer;
import io.keywarden.core.permissions.PolicyService;
import io.keywarden.core.permissions.RoleService;
import io.keywarden.core.port.RolePolicyStore;
import io.keywarden.core.port.RoleStore;
import io.keywarden.core.port.UserStore;
import io.keywarden.core.policy.PolicyEvaluator;
import io.keywarden.core.port.PolicyChangeListener;
import io.keywarden.core.port.PolicyStore;
import io.keywarden.core.service.IdentityService;
import io.keywarden.server.auth.AuditingAuthorizer;
import io.keywarden.server.auth.PolicyCache;
import io.micronaut.context.annotation.Context;
import io.keywarden.server.http.RequestIds;
import io.micronaut.context.annotation.Factory;
import io.micronaut.http.context.ServerRequestContext;
import io.micronaut.context.annotation.Primary;
import jakarta.inject.Singleton;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;

/**
 * Authorisation by IAM policies: the primary {@link Authorizer} (replacing the interim root-only one) evaluates the
 * caller's policies, served compiled from the {@link PolicyCache}, and logs every denial; and the policy management
 * use cases.
 */
@Factory
public class PermissionBeans {

    /** Root may do everything; IAM users what their policies allow. Every denial is logged with its reasons. */
    @Singleton
    @Primary
    Authorizer policyAuthorizer(PolicyCache policies) {
        return new AuditingAuthorizer(new PolicyAuthorizer(policies, PolicyEvaluator.create()),
                () -> ServerRequestContext.currentRequest().map(RequestIds::of));
    }

    /**
     * Created with the context, not on first use: it adds the "no policies left" check to DeleteUser, which must hold
     * from the first request on. Every {@link PolicyChangeListener} (the policy cache among them) is told of changes.
     */
    @Context
    PolicyService policyService(IdentityService identity, PolicyStore store, List<PolicyChangeListener> listeners,
                                Clock clock, SecureRandom random) {
        return new PolicyService(identity, store, fanOut(listeners), clock, random);
    }

    /** Roles, their trust policies and their permissions; role policy changes reach every {@link PolicyChangeListener}. */
    @Singleton
    RoleService roleService(IdentityService identity, UserStore users, RoleStore roles, RolePolicyStore rolePolicies,
                            PolicyStore store, List<PolicyChangeListener> listeners, Clock clock, SecureRandom random) {
        return new RoleService(identity, users, roles, rolePolicies, store, fanOut(listeners), clock, random);
    }

    /** Users' tags, access key descriptions and the quarantine of leaked keys. */
    @Singleton
    io.keywarden.core.permissions.KeyHygieneService keyHygieneService(
            IdentityService identity, io.keywarden.core.port.UserStore users,
            io.keywarden.core.port.UserTagStore tags, io.keywarden.core.port.AccessKeyStore keys, PolicyStore store,
            List<PolicyChangeListener> listeners, Clock clock, SecureRandom random) {
        return new io.keywarden.core.permissions.KeyHygieneService(identity, users, tags, keys, store,
                fanOut(listeners), clock, random);
    }

    private static PolicyChangeListener fanOut(List<PolicyChangeListener> listeners) {
        List<PolicyChangeListener> all = List.copyOf(listeners);
        return new PolicyChangeListener() {
            @Override
            public void userPoliciesChanged(String userId) {
                all.forEach(l -> l.userPoliciesChanged(userId));
            }

            @Override
            public void rolePoliciesChanged(String roleId) {
                all.forEach(l -> l.rolePoliciesChanged(roleId));
            }

            @Override
            public void allPoliciesChanged() {
                all.forEach(PolicyChangeListener::allPoliciesChanged);
            }
        };
    }
}
