package io.keywarden.server.http.dto;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * GetCallerIdentity.
 *
 * @param account the 12-digit account ID
 * @param userId  the user ID, or the account ID for the root user
 * @param arn     the caller's ARN
 */
@Serdeable
@Schema(name = "CallerIdentity")
public record CallerIdentityDto(
        @Schema(example = "123456789012", requiredMode = REQUIRED) String account,
        @Schema(example = "AIDAJQABLZS4A3QDU576Q", requiredMode = REQUIRED) String userId,
        @Schema(example = "arn:aws:iam::123456789012:user/alice", requiredMode = REQUIRED) String arn) {
}
