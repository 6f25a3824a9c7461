package io.keywarden.server;

import io.keywarden.core.auth.Caller;
import io.keywarden.core.authz.Authorizer;
import io.keywarden.core.permissions.PolicyService;
import io.keywarden.server.auth.AuditingAuthorizer;
import io.keywarden.server.query.QueryDispatcher;
import io.keywarden.server.support.ServerTestSupport;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpMethod;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Authorising may read a user's policies from the database (the first request of a user, or one after the cache
 * time), so every route that takes a {@link Caller} runs on the blocking executor, except GetCallerIdentity, which
 * needs no permission and answers on the event loop, and the Query face ({@code /}), which hands every action that
 * may block (all but GetCallerIdentity) to the blocking executor itself.
 */
@MicronautTest(transactional = false, startApplication = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizingRoutesTest extends ServerTestSupport {
    private static final Set<String> ON_THE_EVENT_LOOP = Set.of("GET /v1/caller-identity");
    private static final Set<String> DISPATCHING_THEMSELVES = Set.of("GET /", "POST /");
    /**
     * Routes that try the event loop first and move to the blocking executor before any I/O
     * ({@link io.keywarden.server.blocking.EventLoopFirst}, tested in {@code EventLoopFirstTest}).
     */
    private static final Set<String> EVENT_LOOP_FIRST = Set.of("GET /v1/users/{user}/access-keys");

    @Inject
    Router router;
    @Inject
    Authorizer authorizer;
    @Inject
    PolicyService policies;
    @Inject
    QueryDispatcher dispatcher;

    @Test
    void everyRouteThatAuthorisesRunsOnTheBlockingExecutor() {
        List<UriRouteInfo<?, ?>> withCaller = router.uriRoutes()
                .filter(r -> r.getHttpMethod() != HttpMethod.HEAD)
                .filter(r -> Arrays.stream(r.getTargetMethod().getArguments()).map(Argument::getType)
                        .anyMatch(Caller.class::equals))
                .<UriRouteInfo<?, ?>>map(r -> r)
                .toList();
        assertThat(withCaller).hasSizeGreaterThan(15);
        for (UriRouteInfo<?, ?> route : withCaller) {
            String name = route.getHttpMethod() + " " + route.getUriMatchTemplate().toPathString();
            if (ON_THE_EVENT_LOOP.contains(name) || DISPATCHING_THEMSELVES.contains(name) || EVENT_LOOP_FIRST.contains(name)) {
                continue;
            }
            assertThat(route.getAnnotationMetadata().stringValue(ExecuteOn.class)).as(name)
                    .contains(TaskExecutors.BLOCKING);
        }
    }

    @Test
    void theQueryFaceRunsEveryPolicyActionOnTheBlockingExecutor() {
        for (String action : List.of("PutUserPolicy", "GetUserPolicy", "DeleteUserPolicy", "ListUserPolicies",
                "CreatePolicy", "GetPolicy", "GetPolicyVersion", "DeletePolicy", "ListPolicies", "AttachUserPolicy",
                "DetachUserPolicy", "ListAttachedUserPolicies", "CreateAccessKey", "ListAccessKeys", "GetUser")) {
            assertThat(dispatcher.knows(action)).as(action).isTrue();
            assertThat(dispatcher.blocks(action)).as(action).isTrue();
        }
        assertThat(dispatcher.blocks("GetCallerIdentity")).isFalse();
    }

    @Test
    void thePrimaryAuthorizerIsThePolicyAuthorizerWithItsAudit() {
        assertThat(authorizer).isInstanceOf(AuditingAuthorizer.class);
        assertThat(policies).isNotNull();
    }
}
