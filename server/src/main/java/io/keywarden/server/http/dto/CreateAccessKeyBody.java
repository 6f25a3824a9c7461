package io.keywarden.server.http.dto;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * CreateAccessKey's optional body, read strictly by {@code JsonBodies}.
 *
 * @param description what the key is for: 0-256 characters of letters, digits, spaces and {@code _.:/=+-@}; stored
 *                    as the owner's tag keyed by the new key's ID (as AWS's console does), so it needs
 *                    {@code iam:TagUser} and counts against the owner's 50 tags
 */
@Introspected
@Schema(name = "CreateAccessKeyRequest", additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
public record CreateAccessKeyBody(@Nullable @Schema(maxLength = 256) String description) {
}
