package io.keywarden.server.http.dto;

import io.micronaut.core.annotation.Introspected;
import io.swagger.v3.oas.annotations.media.Schema;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * CreateAccountAlias's body.
 *
 * @param accountAlias 3 to 63 lower-case letters, digits and single hyphens, neither first nor last
 */
@Introspected
@Schema(name = "CreateAccountAliasRequest", additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
public record AccountAliasBody(@Schema(requiredMode = REQUIRED, pattern = "^[a-z0-9]([a-z0-9]|-(?!-)){1,61}[a-z0-9]$")
                               String accountAlias) {
}
