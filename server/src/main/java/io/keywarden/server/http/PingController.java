package io.keywarden.server.http;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** {@code GET /ping}: 200 {@code pong}, no authentication and no I/O (the HTTP stack's ceiling in benchmarks). */
@Controller("/ping")
@Tag(name = "service")
public class PingController {
    /** Answers {@code pong} without authentication or I/O. */
    @Operation(operationId = "Ping")
    @ApiResponse(responseCode = "200", description = "pong",
            content = @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = "string", example = "pong")))
    @Get(produces = MediaType.TEXT_PLAIN)
    public String ping() {
        return "pong";
    }
}
