package io.keywarden.server.http.dto;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * What a quarantine did.
 *
 * @param userName        the key's owner, who now has the quarantine policy attached
 * @param accessKeyId     the quarantined key
 * @param status          the key's status now (Inactive when it was deactivated)
 * @param policyArn       the quarantine policy's ARN: detach it from the user (DetachUserPolicy) to undo
 * @param alreadyAttached whether the user was quarantined already (quarantining again changes nothing else)
 */
@Serdeable
@Schema(name = "Quarantine")
public record QuarantineDto(
        @Schema(requiredMode = REQUIRED) String userName,
        @Schema(requiredMode = REQUIRED) String accessKeyId,
        @Schema(allowableValues = {"Active", "Inactive"}, requiredMode = REQUIRED) String status,
        @Schema(requiredMode = REQUIRED) String policyArn,
        @Schema(requiredMode = REQUIRED) boolean alreadyAttached) {
}
