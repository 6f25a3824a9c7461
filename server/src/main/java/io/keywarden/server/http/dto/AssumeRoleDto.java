package io.keywarden.server.http.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * AssumeRole's answer.
 *
 * @param credentials      the temporary credentials, shown this once
 * @param assumedRoleUser  the session's ARN and ID
 * @param packedPolicySize the session policies' size, percent of the allowed size
 * @param sourceIdentity   the session's source identity, when it has one
 */
@Serdeable
@Schema(name = "AssumeRole")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AssumeRoleDto(@Schema(requiredMode = REQUIRED) CredentialsDto credentials,
                            @Schema(requiredMode = REQUIRED) AssumedRoleUserDto assumedRoleUser,
                            @Schema(requiredMode = REQUIRED) int packedPolicySize,
                            @Nullable String sourceIdentity) {
}
