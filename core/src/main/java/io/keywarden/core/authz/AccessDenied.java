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

    /**
     * {@code User: ARN is not authorized to perform ACTION on resource: RES}, AWS's wording for a look-up by an ID that
     * does not exist (GetAccessKeyLastUsed of an unknown key), used for every denial of such a look-up: no reason and
     * no owner, so an unknown ID and one the caller may not read get the same answer (an explicit deny on the owner,
     * or the owner's name, would tell them apart).
     */
    public static KeywardenException undisclosed(String principalArn, String action, String resourceDescription) {
        return new KeywardenException(ErrorCode.ACCESS_DENIED, "User: " + principalArn + " is not authorized to perform "
                + action + " on resource: " + resourceDescription);
    }
}
