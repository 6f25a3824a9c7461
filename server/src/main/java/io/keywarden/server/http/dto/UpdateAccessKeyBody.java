package io.keywarden.server.http.dto;

import io.micronaut.core.annotation.Introspected;
import io.swagger.v3.oas.annotations.media.Schema;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * UpdateAccessKey's body.
 *
 * @param status the key's new status; an Inactive key stops authenticating at once
 */
@Introspected
@Schema(name = "UpdateAccessKeyRequest", additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
public record UpdateAccessKeyBody(
        @Schema(allowableValues = {"Active", "Inactive"}, requiredMode = REQUIRED) String status) {
}
