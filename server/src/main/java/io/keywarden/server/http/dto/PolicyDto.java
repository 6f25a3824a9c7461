package io.keywarden.server.http.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * A managed policy, as IAM's {@code Policy} (one version, {@code v1}). {@code description} is absent when empty;
 * {@code policyDocument} (the JSON document as a string) is present when one policy is created or read, not in lists.
 */
@Serdeable
@Schema(name = "Policy")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PolicyDto(
        String policyName,
        @Schema(example = "ANPAJ2UCCR6DPCEXAMPLE", requiredMode = REQUIRED) String policyId,
        String arn,
        String path,
        @Schema(allowableValues = "v1", requiredMode = REQUIRED) String defaultVersionId,
        int attachmentCount,
        boolean isAttachable,
        @Nullable String description,
        @Schema(format = "date-time", requiredMode = REQUIRED) String createDate,
        @Schema(format = "date-time", requiredMode = REQUIRED) String updateDate,
        @Nullable String policyDocument) {
}
