package io.keywarden.server.http.dto;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An inline policy of a role.
 *
 * @param roleName       the role's name
 * @param policyName     the policy's name
 * @param policyDocument the document as it was put (not URL-encoded)
 */
@Serdeable
@Schema(name = "RolePolicy")
public record RolePolicyDto(String roleName, String policyName, String policyDocument) {
}
