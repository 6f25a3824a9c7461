package io.keywarden.server.http.dto;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * QuarantineAccessKey's body, read strictly by {@code JsonBodies}.
 *
 * @param reason     why (where the key leaked, the ticket): recorded in the audit trail; up to 1,000 characters
 * @param deactivate whether to make the key Inactive as well (false when absent): the quarantine policy alone leaves
 *                   the key working for rotation, deactivating it stops it at once
 */
@Introspected
@Schema(name = "QuarantineAccessKeyRequest", additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
public record QuarantineBody(@Nullable @Schema(maxLength = 1000) String reason,
                             @Nullable @Schema(defaultValue = "false") Boolean deactivate) {
}
