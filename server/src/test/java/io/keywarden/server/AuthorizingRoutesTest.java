package io.keywarden.server;

import io.keywarden.core.auth.Caller;
import io.keywarden.core.authz.Authorizer;
import io.keywarden.core.identity.Account;
import io.keywarden.core.identity.Principal;
import io.keywarden.core.operation.Catalogue;
import io.keywarden.core.operation.OperationInvoker;
import io.keywarden.core.operation.Requests;
import io.keywarden.core.permissions.PolicyService;
import io.keywarden.server.auth.AuditingAuthorizer;
import io.keywarden.server.support.ServerTestSupport;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpMethod;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which thread performs an operation is decided in one place ({@code OperationCalls}): on the event loop when the
 * operation says it can answer from memory (cache-first), on the blocking executor otherwise. So no route that takes a
 * {@link Caller} picks an executor itself or answers synchronously: each hands its operation over and answers a
 * future.
 */
@MicronautTest(transactional = false, startApplication = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizingRoutesTest extends ServerTestSupport {
    @Inject
    Router router;
    @Inject
    Authorizer authorizer;
    @Inject
    PolicyService policies;
    @Inject
    OperationInvoker invoker;
    @Inject
    Account account;

    @Test
    void everyRouteWithACallerHandsItsOperationOverAndAnswersAFuture() {
        List<UriRouteInfo<?, ?>> withCaller = router.uriRoutes()
                .filter(r -> r.getHttpMethod() != HttpMethod.HEAD)
                .filter(r -> Arrays.stream(r.getTargetMethod().getArguments()).map(Argument::getType)
                        .anyMatch(Caller.class::equals))
                .<UriRouteInfo<?, ?>>map(r -> r)
                .toList();
        assertThat(withCaller).hasSizeGreaterThan(25);
        for (UriRouteInfo<?, ?> route : withCaller) {
            String name = route.getHttpMethod() + " " + route.getUriMatchTemplate().toPathString();
            assertThat(route.getAnnotationMetadata().hasAnnotation(ExecuteOn.class)).as(name).isFalse();
            assertThat(route.getTargetMethod().getReturnType().getType()).as(name).isEqualTo(CompletableFuture.class);
        }
    }

    @Test
    void onlyWhatIsInMemoryIsServedOnTheCallingThread() {
        Caller root = new Caller(Principal.root(account.id()), ROOT_ACCESS_KEY_ID, Instant.now(), "127.0.0.1", "t",
                false, "us-east-1", "iam");
        assertThat(invoker.servedFromMemory(Catalogue.GET_CALLER_IDENTITY, root, new Requests.GetCallerIdentity()))
                .isTrue();
        assertThat(invoker.servedFromMemory(Catalogue.CREATE_USER, root, new Requests.CreateUser("x", null)))
                .isFalse();
        assertThat(invoker.servedFromMemory(Catalogue.LIST_ACCESS_KEYS, root,
                new Requests.ListAccessKeys("someone", null))).as("another user's keys need the user store").isFalse();
        assertThat(invoker.servedFromMemory(Catalogue.GET_USER, root, new Requests.GetUser(null))).isFalse();
    }

    @Test
    void thePrimaryAuthorizerIsThePolicyAuthorizerWithItsAudit() {
        assertThat(authorizer).isInstanceOf(AuditingAuthorizer.class);
        assertThat(policies).isNotNull();
    }
}
