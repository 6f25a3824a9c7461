package io.keywarden.server.http.dto;

import io.micronaut.core.annotation.Introspected;
import io.swagger.v3.oas.annotations.media.Schema;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * AttachRolePolicy's body.
 *
 * @param policyArn the ARN of a managed policy of the account
 */
@Introspected
@Schema(name = "AttachRolePolicyRequest", additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
public record AttachRolePolicyBody(@Schema(requiredMode = REQUIRED) String policyArn) {
}
