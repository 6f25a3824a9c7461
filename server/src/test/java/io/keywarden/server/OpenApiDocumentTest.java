package io.keywarden.server;

import io.keywarden.server.support.ServerTestSupport;
import io.micronaut.http.HttpMethod;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.yaml.snakeyaml.Yaml;

import java.io.InputStream;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The served OpenAPI file documents exactly the routes the server has. */
@MicronautTest(transactional = false, startApplication = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiDocumentTest extends ServerTestSupport {
    @Inject
    Router router;

    @Test
    @SuppressWarnings("unchecked")
    void everyRouteIsDocumentedAndNothingElse() throws Exception {
        Map<String, Object> doc;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("openapi.yml")) {
            doc = new Yaml().load(in);
        }
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
                .forEach(r -> served.add(r.getHttpMethod() + " " + r.getUriMatchTemplate().toPathString()));
        assertThat(documented).isEqualTo(served);
    }
}
