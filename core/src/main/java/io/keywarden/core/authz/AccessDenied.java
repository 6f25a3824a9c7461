package io.keywarden.core.authz;

import io.keywarden.core.error.ErrorCode;
import io.keywarden.core.error.KeywardenException;

/** AWS's wording for denials. */
public final class AccessDenied {
    private AccessDenied() {
    }

    /**
     * {@code User: ARN is not authorized to perform: ACTION on resource: RES because no identity-based policy allows
     * the ACTION action}, or {@code ... with an explicit deny in an identity-based policy}.
     */
    public static KeywardenException of(String principalArn, String action, String resourceDescription, Decision decision) {
        String why = decision == Decision.EXPLICIT_DENY
                ? "with an explicit deny in an identity-based policy"
                : "because no identity-based policy allows the " + action + " action";
        return new KeywardenException(ErrorCode.ACCESS_DENIED, "User: " + principalArn + " is not authorized to perform: "
                + action + " on resource: " + resourceDescription + " " + why);
    }
}
