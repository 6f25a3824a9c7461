package io.keywarden.server.http.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * {@code Role}.
 *
 * @param roleName                 the role name
 * @param roleId                   the role ID ({@code AROA...})
 * @param arn                      {@code arn:aws:iam::ACCOUNT:role{path}{roleName}}
 * @param path                     the path
 * @param createDate               when the role was created
 * @param assumeRolePolicyDocument the trust policy as it was stored (not URL-encoded)
 * @param description              the description; absent when it has none
 * @param maxSessionDuration       the longest session of the role, in seconds
 * @param tags                     the tags; absent when it has none, and in listings
 * @param roleLastUsed             when a session of the role was last used (empty when none has been); absent in
 *                                 listings, as AWS's ListRoles leaves it out
 */
@Serdeable
@Schema(name = "Role")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RoleDto(
        @Schema(requiredMode = REQUIRED) String roleName,
        @Schema(requiredMode = REQUIRED) String roleId,
        @Schema(requiredMode = REQUIRED) String arn,
        @Schema(requiredMode = REQUIRED) String path,
        @Schema(format = "date-time", requiredMode = REQUIRED) String createDate,
        @Schema(requiredMode = REQUIRED) String assumeRolePolicyDocument,
        @Nullable String description,
        @Schema(requiredMode = REQUIRED) int maxSessionDuration,
        @Nullable List<TagBody> tags,
        RoleLastUsedDto roleLastUsed) {
}
