package io.keywarden.server.http.dto;

import io.micronaut.core.annotation.Introspected;
import io.swagger.v3.oas.annotations.media.Schema;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * PutUserPolicy's body.
 *
 * @param policyDocument the JSON policy document as a string (not as an object), stored verbatim
 */
@Introspected
@Schema(name = "PutUserPolicyRequest", additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
public record PutUserPolicyBody(
        @Schema(requiredMode = REQUIRED, example = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Action\":\"iam:ListAccessKeys\",\"Resource\":\"arn:aws:iam::*:user/${aws:username}\"}]}")
        String policyDocument) {
}
