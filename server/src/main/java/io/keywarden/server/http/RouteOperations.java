package io.keywarden.server.http;

import io.keywarden.core.operation.Catalogue;
import io.keywarden.core.operation.Operation;
import io.micronaut.http.HttpRequest;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Singleton;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Which catalogue operation each REST route performs, as the route declares it once: its OpenAPI
 * {@code operationId}, read from the document the build generated ({@link OpenApiController#RESOURCE}). The audit
 * filter names the event of a request that never reached its operation (refused by authentication, a body that does
 * not bind) after it.
 */
@Singleton
public class RouteOperations {
    private final Map<String, Operation<?, ?>> byRoute;

    public RouteOperations() {
        this.byRoute = load();
    }

    /** The operation of the request's REST route; empty for the Query face, unknown routes and non-API routes. */
    public Optional<Operation<?, ?>> of(HttpRequest<?> request) {
        return RouteAttributes.getRouteInfo(request)
                .filter(UriRouteInfo.class::isInstance)
                .map(info -> (UriRouteInfo<?, ?>) info)
                .map(info -> byRoute.get(key(info.getHttpMethodName(), info.getUriMatchTemplate().toPathString())));
    }

    /** {@code "GET /v1/users/{user}"} to the operation's name, for every route that names a catalogue operation. */
    public Map<String, String> routes() {
        Map<String, String> out = new TreeMap<>();
        byRoute.forEach((route, op) -> out.put(route, op.name()));
        return out;
    }

    private static String key(String method, String path) {
        return method.toUpperCase(Locale.ROOT) + " " + path;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Operation<?, ?>> load() {
        Map<String, Object> document;
        try (InputStream in = RouteOperations.class.getClassLoader().getResourceAsStream(OpenApiController.RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(OpenApiController.RESOURCE + " is missing from the class path");
            }
            document = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Operation<?, ?>> out = new TreeMap<>();
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) document.get("paths");
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            if (operation instanceof Map<?, ?> op && op.get("operationId") instanceof String id) {
                Catalogue.byName(id).ifPresent(o -> out.put(key(method, path), o));
            }
        }));
        return Collections.unmodifiableMap(out);
    }
}
