package io.keywarden.core.operation;

/**
 * The result of a sign-in operation ({@link Operation.Authentication#SIGN_IN}): whom it signed in and the access key
 * ID of the credentials it issued — the identity its audit event names, since the request had no caller before.
 */
public interface SignInResult {
    /** CloudTrail's {@code userIdentity.type}: {@code Root} or {@code IAMUser}. */
    String identityType();

    String arn();

    /** {@code aws:userid}: the user ID, or the account ID for the root user. */
    String userId();

    /** The IAM user's name; null for the root user. */
    String userName();

    /** The ({@code ASIA…}) key ID of the session the sign-in issued. */
    String accessKeyId();
}
