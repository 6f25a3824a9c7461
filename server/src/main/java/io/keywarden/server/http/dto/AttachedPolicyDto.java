package io.keywarden.server.http.dto;

import io.micronaut.serde.annotation.Serdeable;

/** A managed policy attached to a user, as IAM's {@code AttachedPolicy}. */
@Serdeable
public record AttachedPolicyDto(String policyName, String policyArn) {
}
