package io.keywarden.sdk.model;

import java.util.Objects;

/**
 * An inline policy of a role (GetRolePolicy).
 *
 * @param roleName       the role it is embedded in
 * @param policyName     its name within the role
 * @param policyDocument the JSON policy document, exactly as it was put
 */
public record RolePolicy(String roleName, String policyName, String policyDocument) {
    public RolePolicy {
        Objects.requireNonNull(roleName, "roleName");
        Objects.requireNonNull(policyName, "policyName");
        Objects.requireNonNull(policyDocument, "policyDocument");
    }
}
