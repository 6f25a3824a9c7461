package io.keywarden.server.http.dto;

import io.micronaut.core.annotation.Introspected;
import io.swagger.v3.oas.annotations.media.Schema;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * AttachUserPolicy's body.
 *
 * @param policyArn the managed policy's ARN
 */
@Introspected
@Schema(name = "AttachUserPolicyRequest", additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
public record AttachUserPolicyBody(
        @Schema(example = "arn:aws:iam::123456789012:policy/ManageOwnAccessKeys", requiredMode = REQUIRED)
        String policyArn) {
}
