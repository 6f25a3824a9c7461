package io.keywarden.server.http.dto;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A managed policy attached to a user, as IAM's {@code AttachedPolicy}.
 *
 * @param policyName the policy's name
 * @param policyArn  the policy's ARN
 */
@Serdeable
@Schema(name = "AttachedPolicy")
public record AttachedPolicyDto(String policyName, String policyArn) {
}
