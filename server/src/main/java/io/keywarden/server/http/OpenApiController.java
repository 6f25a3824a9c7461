package io.keywarden.server.http;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** {@code GET /openapi.yml}: the hand-written OpenAPI 3 description of the REST API (no authentication). */
@Controller("/openapi.yml")
public class OpenApiController {
    static final String RESOURCE = "openapi.yml";
    private static final MediaType YAML = MediaType.of("application/yaml");
    private final byte[] document;

    public OpenApiController() {
        try (InputStream in = OpenApiController.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            document = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Get
    public HttpResponse<byte[]> get() {
        return HttpResponse.ok(document).contentType(YAML);
    }
}
