package io.keywarden.server.http.dto;

import io.micronaut.core.annotation.Introspected;
import io.swagger.v3.oas.annotations.media.Schema;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * A policy document for a role: its trust policy (UpdateAssumeRolePolicy) or one of its inline policies
 * (PutRolePolicy).
 *
 * @param policyDocument the JSON policy document as a string (not as an object), stored verbatim
 */
@Introspected
@Schema(name = "PolicyDocumentRequest", additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
public record PolicyDocumentBody(@Schema(requiredMode = REQUIRED) String policyDocument) {
}
