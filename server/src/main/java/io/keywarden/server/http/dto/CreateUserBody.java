package io.keywarden.server.http.dto;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * CreateUser's body, read strictly by {@code JsonBodies}.
 *
 * @param userName 1-64 characters of {@code [A-Za-z0-9+=,.@_-]}, unique in the account ignoring case
 * @param path     {@code /} (the default) or {@code /segment/.../}, up to 512 printable characters
 * @param tags     up to 50 tags (setting them needs {@code iam:TagUser} as well)
 */
@Introspected
@Schema(name = "CreateUserRequest", additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
public record CreateUserBody(
        @Schema(pattern = "^[\\w+=,.@-]{1,64}$", requiredMode = REQUIRED) String userName,
        @Nullable @Schema(defaultValue = "/", maxLength = 512) String path,
        @Nullable java.util.List<TagBody> tags) {
}
