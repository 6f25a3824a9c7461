package io.keywarden.server.support;

import io.keywarden.server.http.OpenApiController;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/** The OpenAPI document the build generated (what {@code GET /openapi.yml} serves), parsed. */
public final class GeneratedOpenApi {
    private GeneratedOpenApi() {
    }

    public static Map<String, Object> load() {
        try (InputStream in = GeneratedOpenApi.class.getClassLoader().getResourceAsStream(OpenApiController.RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(OpenApiController.RESOURCE + " is missing: was the server compiled?");
            }
            return new Yaml().load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Map<String, Map<String, Object>>> paths() {
        return (Map<String, Map<String, Map<String, Object>>>) load().get("paths");
    }
}
