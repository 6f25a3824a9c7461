package io.keywarden.server;

import io.keywarden.server.auth.SigV4AuthFilter;
import io.keywarden.server.http.ApiDocs;
import io.keywarden.server.support.GeneratedOpenApi;
import io.keywarden.server.support.ServerTestSupport;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The served OpenAPI document (generated at build time) documents exactly the routes the server has. */
@MicronautTest(transactional = false, startApplication = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiDocumentTest extends ServerTestSupport {
    @Inject
    Router router;

    @Test
    @SuppressWarnings("unchecked")
    void everyRouteIsDocumentedAndNothingElse() {
        Map<String, Object> doc = GeneratedOpenApi.load();
        assertThat(String.valueOf(doc.get("openapi"))).startsWith("3.");
        Set<String> documented = new TreeSet<>();
        ((Map<String, Map<String, Object>>) doc.get("paths")).forEach((path, ops) -> ops.keySet().stream()
                .filter(k -> !k.equals("parameters"))
                .forEach(method -> documented.add(method.toUpperCase() + " " + path)));

        Set<String> served = new TreeSet<>();
        router.uriRoutes().map(r -> (UriRouteInfo<?, ?>) r)
                .filter(r -> r.getHttpMethod() != HttpMethod.HEAD)
                // the management endpoint's sub-paths (/health/liveness, ...) are covered by GET /health
                .filter(r -> !r.getUriMatchTemplate().toPathString().startsWith("/health/"))
                // the console's static files (GET /console/**) are pages, not API
                .filter(r -> !r.getUriMatchTemplate().toPathString().startsWith("/console"))
                .forEach(r -> served.add(r.getHttpMethod() + " " + r.getUriMatchTemplate().toPathString()));
        assertThat(documented).isEqualTo(served);
    }

    @Test
    @SuppressWarnings("unchecked")
    void exactlyThePublicRoutesNeedNoSignature() {
        Map<String, Object> doc = GeneratedOpenApi.load();
        assertThat(doc.get("security")).as("no document-wide requirement").isNull();
        ((Map<String, Map<String, Map<String, Object>>>) doc.get("paths")).forEach((path, ops) -> ops.forEach(
                (method, op) -> {
                    List<Object> security = (List<Object>) op.getOrDefault("security", List.of());
                    HttpRequest<?> request = HttpRequest.create(HttpMethod.parse(method.toUpperCase()),
                            path.replaceAll("\\{[^}]+}", "x"));
                    // the console's sign-in may come unsigned (a password) as well as signed
                    boolean isPublic = SigV4AuthFilter.isPublic(request) || SigV4AuthFilter.isConsoleSignIn(request);
                    assertThat(security).as(method + " " + path).isEqualTo(isPublic ? List.of()
                            : List.of(Map.of(ApiDocs.SIGV4, List.of())));
                }));
    }
}
