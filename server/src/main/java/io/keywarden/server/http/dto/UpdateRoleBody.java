package io.keywarden.server.http.dto;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * UpdateRole's body: what is absent stays as it is.
 *
 * @param description        the new description, up to 1,000 characters
 * @param maxSessionDuration the new longest session, in seconds: 3600 to 43200
 */
@Introspected
@Schema(name = "UpdateRoleRequest", additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
public record UpdateRoleBody(
        @Nullable @Schema(maxLength = 1000) String description,
        @Nullable @Schema(minimum = "3600", maximum = "43200") Integer maxSessionDuration) {
}
