package io.keywarden.sdk.model;

import java.util.Objects;

/**
 * An inline policy of a user (GetUserPolicy).
 *
 * @param userName       the user it is embedded in
 * @param policyName     its name within the user
 * @param policyDocument the JSON policy document, exactly as it was put
 */
public record UserPolicy(String userName, String policyName, String policyDocument) {
    public UserPolicy {
        Objects.requireNonNull(userName, "userName");
        Objects.requireNonNull(policyName, "policyName");
        Objects.requireNonNull(policyDocument, "policyDocument");
    }
}
