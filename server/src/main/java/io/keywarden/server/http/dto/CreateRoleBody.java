package io.keywarden.server.http.dto;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * CreateRole's body, read strictly by {@code JsonBodies}.
 *
 * @param roleName                 1-64 characters of {@code [A-Za-z0-9+=,.@_-]}, unique in the account ignoring case
 * @param assumeRolePolicyDocument the trust policy, a JSON document as a string; each statement names a
 *                                 {@code Principal} and no {@code Resource}
 * @param path                     {@code /} (the default) or {@code /segment/.../}, up to 512 printable characters
 * @param description              up to 1,000 characters
 * @param maxSessionDuration       the longest session of the role, in seconds: 3600 (the default) to 43200
 * @param tags                     up to 50 tags
 */
@Introspected
@Schema(name = "CreateRoleRequest", additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
public record CreateRoleBody(
        @Schema(pattern = "^[\\w+=,.@-]{1,64}$", requiredMode = REQUIRED) String roleName,
        @Schema(requiredMode = REQUIRED, example = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Principal\":{\"AWS\":\"arn:aws:iam::123456789012:root\"},\"Action\":\"sts:AssumeRole\"}]}")
        String assumeRolePolicyDocument,
        @Nullable @Schema(defaultValue = "/", maxLength = 512) String path,
        @Nullable @Schema(maxLength = 1000) String description,
        @Nullable @Schema(minimum = "3600", maximum = "43200", defaultValue = "3600") Integer maxSessionDuration,
        @Nullable List<TagBody> tags) {
}
