package io.keywarden.server.http.dto;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * GetSessionToken's body, read strictly by {@code JsonBodies}; {@code {}} (or no body) for the defaults.
 *
 * @param durationSeconds 900 to 129,600 (default 43,200); a root session lasts at most 3,600
 */
@Introspected
@Schema(name = "GetSessionTokenRequest", additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
public record SessionTokenBody(
        @Nullable @Schema(minimum = "900", maximum = "129600", defaultValue = "43200") Integer durationSeconds) {
}
