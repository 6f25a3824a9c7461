package io.keywarden.server.http.dto;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An inline user policy; {@code policyDocument} is the JSON document as a string, exactly as it was put.
 *
 * @param userName       the user it is embedded in
 * @param policyName     its name within the user
 * @param policyDocument the JSON document as a string, exactly as it was put
 */
@Serdeable
@Schema(name = "UserPolicy")
public record UserPolicyDto(String userName, String policyName, String policyDocument) {
}
