package io.keywarden.core.policy;

import java.util.Objects;

/**
 * What a trust policy is asked: may this principal perform this action ({@code sts:AssumeRole},
 * {@code sts:SetSourceIdentity}, {@code sts:TagSession}) on the role, in this context?
 *
 * @param principalArn     the calling principal's ARN: a user, {@code arn:aws:iam::ACCOUNT:root}, or an assumed-role
 *                         session {@code arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION}
 * @param principalAccount the calling principal's account ID
 * @param principalRoleArn for an assumed-role session, the ARN of its role ({@code arn:aws:iam::ACCOUNT:role/PATH/NAME});
 *                         null for other callers. A trust policy naming that role ARN trusts every session of it.
 * @param action           e.g. {@code sts:AssumeRole}
 * @param roleArn          the ARN of the role whose trust policy is evaluated (named in the explanation)
 * @param context          the condition keys of the request ({@code aws:PrincipalArn}, {@code sts:ExternalId},
 *                         {@code sts:SourceIdentity}, {@code sts:RoleSessionName}, ...)
 */
public record TrustRequest(String principalArn, String principalAccount, String principalRoleArn, String action,
                           String roleArn, ConditionContext context) {
    public TrustRequest {
        Objects.requireNonNull(principalArn, "principalArn");
        Objects.requireNonNull(principalAccount, "principalAccount");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(roleArn, "roleArn");
        Objects.requireNonNull(context, "context");
        if (action.isEmpty()) {
            throw new IllegalArgumentException("action must not be empty");
        }
    }
}
