package io.keywarden.server.http.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * GetKeyHygieneReport: the policy (absent when none is set: then only ages are reported), counts over every key, and
 * one page of keys in access key ID order.
 */
@Serdeable
@Schema(name = "KeyHygieneReport")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record KeyHygieneReportDto(@Schema(description = "absent when no policy is set") KeyExpiryPolicyDto policy,
                                  @Schema(format = "date-time", requiredMode = REQUIRED) String generatedAt,
                                  @Schema(requiredMode = REQUIRED) KeyHygieneSummaryDto summary,
                                  @Schema(requiredMode = REQUIRED) List<KeyHygieneKeyDto> keys,
                                  @Schema(requiredMode = REQUIRED) boolean isTruncated, @Nullable String marker) {
}
