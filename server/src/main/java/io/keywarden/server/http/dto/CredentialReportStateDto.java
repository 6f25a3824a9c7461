package io.keywarden.server.http.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * GenerateCredentialReport: {@code STARTED} (a new report was built) or {@code COMPLETE} (the recent one is kept).
 *
 * @param state       STARTED when a new report was built, COMPLETE when the recent one is kept
 * @param description why a report is being built; absent when none is
 */
@Serdeable
@Schema(name = "CredentialReportState")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CredentialReportStateDto(
        @Schema(allowableValues = {"STARTED", "INPROGRESS", "COMPLETE"}, requiredMode = REQUIRED) String state,
        @Nullable String description) {
}
