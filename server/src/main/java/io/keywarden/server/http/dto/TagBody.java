package io.keywarden.server.http.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * A tag, in a request or an answer.
 *
 * @param key   1-128 characters of letters, digits, spaces and {@code _.:/=+-@}; unique ignoring case
 * @param value 0-256 such characters ({@code ""} when absent)
 */
@Introspected
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(name = "Tag", additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
public record TagBody(
        @Schema(requiredMode = REQUIRED, minLength = 1, maxLength = 128) String key,
        @Nullable @Schema(maxLength = 256) String value) {
}
