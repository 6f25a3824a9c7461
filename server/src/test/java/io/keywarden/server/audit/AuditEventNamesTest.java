package io.keywarden.server.audit;

import io.keywarden.server.support.GeneratedOpenApi;
import io.keywarden.server.support.ServerTestSupport;
import io.micronaut.http.HttpMethod;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;


import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every REST route of the server has its event name in the audit trail (a new route must be named), and the OpenAPI
 * document's operation IDs are those names.
 */
@MicronautTest(transactional = false, startApplication = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditEventNamesTest extends ServerTestSupport {
    private static final Set<String> NOT_API = Set.of("/", "/ping", "/health", "/openapi.yml", "/prometheus");

    @Inject
    Router router;

    @Test
    void everyRestRouteHasAnEventName() {
        List<String> unnamed = router.uriRoutes().map(r -> (UriRouteInfo<?, ?>) r)
                .filter(r -> r.getHttpMethod() != HttpMethod.HEAD)
                .filter(r -> !NOT_API.contains(r.getUriMatchTemplate().toPathString()))
                .filter(r -> !r.getUriMatchTemplate().toPathString().startsWith("/health/"))
                .filter(r -> !AuditEventNames.names(r.getHttpMethodName(), r.getUriMatchTemplate().toString()))
                .map(r -> r.getHttpMethodName() + " " + r.getUriMatchTemplate())
                .toList();
        assertThat(unnamed).isEmpty();
    }

    @Test
    void theOpenApiDocumentNamesEveryRestOperationAsTheTrailDoes() {
        Map<String, Map<String, Map<String, Object>>> paths = GeneratedOpenApi.paths();
        Map<String, String> documented = new TreeMap<>();
        Map<String, String> named = new TreeMap<>();
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            String route = method.toUpperCase() + " " + path;
            if (AuditEventNames.names(method.toUpperCase(), path)) {
                documented.put(route, (String) operation.get("operationId"));
                named.put(route, AuditEventNames.forRoute(method.toUpperCase(), path));
            }
        }));
        assertThat(documented).isNotEmpty().isEqualTo(named);
    }

    @Test
    void readsAreTheOperationsThatChangeNothing() {
        assertThat(AuditEventNames.readOnly("ListUsers")).isTrue();
        assertThat(AuditEventNames.readOnly("GetCredentialReport")).isTrue();
        assertThat(AuditEventNames.readOnly("SimulatePrincipalPolicy")).isTrue();
        assertThat(AuditEventNames.readOnly("GenerateCredentialReport")).isFalse();
        assertThat(AuditEventNames.readOnly("DeleteAccessKey")).isFalse();
        assertThat(AuditEventNames.source("GetCallerIdentity")).isEqualTo("sts.amazonaws.com");
        assertThat(AuditEventNames.source("LookupEvents")).isEqualTo("keywarden");
        assertThat(AuditEventNames.source("CreateUser")).isEqualTo("iam.amazonaws.com");
    }
}
