package io.keywarden.server.http.dto;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * CreatePolicy's body.
 *
 * @param policyName     1-128 characters of {@code [A-Za-z0-9+=,.@_-]}, unique in the account ignoring case
 * @param path           {@code /} (the default) or {@code /segment/.../}
 * @param policyDocument the JSON policy document as a string, stored verbatim
 * @param description    up to 1,000 characters
 */
@Introspected
@Schema(name = "CreatePolicyRequest", additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
public record CreatePolicyBody(
        @Schema(pattern = "^[\\w+=,.@-]{1,128}$", requiredMode = REQUIRED) String policyName,
        @Nullable @Schema(defaultValue = "/") String path,
        String policyDocument,
        @Nullable @Schema(maxLength = 1000) String description) {
}
