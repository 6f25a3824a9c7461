package io.keywarden.sdk.exception;

import io.keywarden.core.error.ErrorCode;

/** {@code MalformedPolicyDocument} (400): the policy document is not valid. */
public final class MalformedPolicyDocumentException extends KeywardenServiceException {
    private static final long serialVersionUID = 1L;

    public MalformedPolicyDocumentException(String errorMessage, int statusCode, String requestId) {
        super(ErrorCode.MALFORMED_POLICY_DOCUMENT, errorMessage, statusCode, requestId);
    }
}
