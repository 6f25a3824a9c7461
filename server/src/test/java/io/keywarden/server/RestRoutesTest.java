package io.keywarden.server;

import io.keywarden.core.auth.Caller;
import io.keywarden.core.operation.Catalogue;
import io.keywarden.core.operation.Operation;
import io.keywarden.server.http.RouteOperations;
import io.keywarden.server.support.GeneratedOpenApi;
import io.keywarden.server.support.ServerTestSupport;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpMethod;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every REST route names the catalogue operation it performs, once, as its OpenAPI {@code operationId}: the generated
 * document shows it, and the audit trail names an event of a request that never reached the operation (refused by
 * authentication, say) after it. Every operation of the catalogue has its route, but the Query face's own.
 */
@MicronautTest(transactional = false, startApplication = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RestRoutesTest extends ServerTestSupport {
    /** AWS's policy versions: REST's GetPolicy answers the document itself. */
    private static final Set<String> QUERY_FACE_ONLY = Set.of("GetPolicyVersion");

    @Inject
    Router router;

    @Inject
    RouteOperations operations;

    /** The REST routes of operations, as the router has them: signed ones take a Caller, sign-ins a Requester. */
    private Set<String> restRoutes() {
        Set<String> out = new TreeSet<>();
        router.uriRoutes().map(r -> (UriRouteInfo<?, ?>) r)
                .filter(r -> r.getHttpMethod() != HttpMethod.HEAD)
                .filter(r -> !r.getUriMatchTemplate().toPathString().equals("/"))
                .filter(r -> Arrays.stream(r.getTargetMethod().getArguments()).map(Argument::getType)
                        .anyMatch(t -> Caller.class.equals(t)
                                || io.keywarden.core.operation.SignInHandler.Requester.class.equals(t)))
                .forEach(r -> out.add(r.getHttpMethod() + " " + r.getUriMatchTemplate().toPathString()));
        return out;
    }

    private Map<String, String> operationIdsOfRestRoutes() {
        return operations.routes();
    }

    @Test
    void everyRestRouteNamesACatalogueOperationAtRunTime() {
        assertThat(restRoutes()).hasSizeGreaterThan(25).isEqualTo(operationIdsOfRestRoutes().keySet());
    }

    @Test
    void everyOperationHasItsRouteButTheQueryFacesOwn() {
        Set<String> routed = new TreeSet<>(operationIdsOfRestRoutes().values());
        Set<String> missing = new TreeSet<>();
        for (Operation<?, ?> op : Catalogue.all()) {
            if (!routed.contains(op.name())) {
                missing.add(op.name());
            }
        }
        assertThat(missing).isEqualTo(QUERY_FACE_ONLY);
    }

    @Test
    void theGeneratedDocumentNamesTheSameOperations() {
        Map<String, String> documented = new TreeMap<>();
        GeneratedOpenApi.paths().forEach((path, operations) -> operations.forEach((method, operation) -> {
            Object id = operation.get("operationId");
            if (id != null && Catalogue.byName(id.toString()).isPresent()) {
                documented.put(method.toUpperCase() + " " + path, id.toString());
            }
        }));
        assertThat(documented).isEqualTo(operationIdsOfRestRoutes());
    }
}
