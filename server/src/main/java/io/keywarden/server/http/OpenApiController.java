package io.keywarden.server.http;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * {@code GET /openapi.yml}: the OpenAPI 3 description of the REST API (no authentication), generated at build time by
 * micronaut-openapi from the controllers, the records of {@code http.dto} and their javadoc.
 */
@Controller("/openapi.yml")
@Tag(name = "service")
public class OpenApiController {
    /** Where the build writes the document ({@code -Amicronaut.openapi.filename=keywarden} in the server's pom). */
    public static final String RESOURCE = "META-INF/swagger/keywarden.yml";
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

    /** This document. */
    @Operation(operationId = "GetOpenApiDocument")
    @ApiResponse(responseCode = "200", description = "The OpenAPI description of the REST API.",
            content = @Content(mediaType = "application/yaml", schema = @Schema(type = "string")))
    @Get
    public HttpResponse<byte[]> get() {
        return HttpResponse.ok(document).contentType(YAML);
    }
}
