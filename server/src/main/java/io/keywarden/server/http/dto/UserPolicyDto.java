package io.keywarden.server.http.dto;

import io.micronaut.serde.annotation.Serdeable;

/** An inline user policy; {@code policyDocument} is the JSON document as a string, exactly as it was put. */
@Serdeable
public record UserPolicyDto(String userName, String policyName, String policyDocument) {
}
