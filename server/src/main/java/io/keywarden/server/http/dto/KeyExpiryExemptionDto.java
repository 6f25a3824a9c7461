package io.keywarden.server.http.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * An exemption of the key expiry policy, in a request or an answer: keys whose owner has this tag are reported but
 * never acted on.
 *
 * @param tagKey   the owner's tag key (compared ignoring case)
 * @param tagValue the tag's value; absent: any value
 */
@Introspected
@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "KeyExpiryExemption", additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
public record KeyExpiryExemptionDto(
        @Schema(requiredMode = REQUIRED, minLength = 1, maxLength = 128) String tagKey,
        @Nullable @Schema(maxLength = 256) String tagValue) {
}
