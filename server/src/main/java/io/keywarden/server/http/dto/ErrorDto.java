package io.keywarden.server.http.dto;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * Every error answer: {@code {"code","message","requestId"}}; {@code code} is AWS's error code.
 *
 * @param code      AWS's error code, which decides the HTTP status
 * @param message   what went wrong, for people (clients go by the code)
 * @param requestId the request's ID, also in the x-amzn-RequestId header
 */
@Serdeable
@Schema(name = "Error")
public record ErrorDto(
        @Schema(example = "NoSuchEntity", requiredMode = REQUIRED) String code,
        @Schema(example = "The user with name bob cannot be found.", requiredMode = REQUIRED) String message,
        @Schema(format = "uuid", requiredMode = REQUIRED) String requestId) {
}
