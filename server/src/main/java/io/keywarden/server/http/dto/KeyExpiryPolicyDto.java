package io.keywarden.server.http.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** The account's key expiry policy and when it was last set; absent rules are left out. */
@Serdeable
@Schema(name = "KeyExpiryPolicy")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record KeyExpiryPolicyDto(@Nullable Integer warnAfterDays, @Nullable Integer deactivateAfterDays,
                                 @Nullable Integer deleteAfterDays, @Nullable Integer unusedWarnAfterDays,
                                 @Nullable Integer unusedDeactivateAfterDays,
                                 @Schema(requiredMode = REQUIRED) List<KeyExpiryExemptionDto> exemptions,
                                 @Schema(requiredMode = REQUIRED) boolean dryRun,
                                 @Schema(format = "date-time", requiredMode = REQUIRED) String updateDate) {
}
