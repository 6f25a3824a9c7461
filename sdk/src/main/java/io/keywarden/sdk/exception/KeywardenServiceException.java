package io.keywarden.sdk.exception;

import io.keywarden.core.error.ErrorCode;

import java.util.Objects;
import java.util.Optional;

/**
 * The service answered with an error. {@link #code()} is the error code sent by the server (AWS's codes, see
 * {@link ErrorCode}); subclasses exist for the codes callers usually handle, and any other code, including one this
 * SDK does not know, arrives as this class. {@link #getMessage()} adds the code, the HTTP status and the request ID
 * to the server's message; {@link #errorMessage()} is the server's message alone.
 */
public class KeywardenServiceException extends KeywardenSdkException {
    private static final long serialVersionUID = 1L;

    /** The {@link #code()} of an error answer that carried no code (e.g. an HTML page from a proxy). */
    public static final String UNKNOWN_CODE = "Unknown";

    private final String code;
    private final String errorMessage;
    private final int statusCode;
    private final String requestId;

    /**
     * @param code         the error code from the answer, or {@link #UNKNOWN_CODE}
     * @param errorMessage the server's message (may be empty)
     * @param statusCode   the HTTP status of the answer
     * @param requestId    the request ID from the answer, or {@code null} when it carried none
     */
    public KeywardenServiceException(String code, String errorMessage, int statusCode, String requestId) {
        super(describe(code, errorMessage, statusCode, requestId));
        this.code = Objects.requireNonNull(code, "code");
        this.errorMessage = errorMessage == null ? "" : errorMessage;
        this.statusCode = statusCode;
        this.requestId = requestId;
    }

    protected KeywardenServiceException(ErrorCode code, String errorMessage, int statusCode, String requestId) {
        this(code.code(), errorMessage, statusCode, requestId);
    }

    /** The error code as sent by the server, e.g. {@code NoSuchEntity}; {@link #UNKNOWN_CODE} when it sent none. */
    public String code() {
        return code;
    }

    /** The code in Keywarden's vocabulary; empty when the server sent a code this SDK does not know, or none. */
    public Optional<ErrorCode> errorCode() {
        return ErrorCode.fromCode(code);
    }

    /** The server's message, without the code, status and request ID {@link #getMessage()} adds. */
    public String errorMessage() {
        return errorMessage;
    }

    /** The HTTP status of the answer. */
    public int statusCode() {
        return statusCode;
    }

    /** The request ID the server gave the failed request (quote it when reporting a problem). */
    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }

    /** Whether the server asked the client to slow down ({@code Throttling}, or HTTP 429). */
    public boolean isThrottling() {
        return ErrorCode.THROTTLING.code().equals(code) || statusCode == 429;
    }

    /** Whether the failure is on the server's side (HTTP 5xx). */
    public boolean isServerError() {
        return statusCode >= 500 && statusCode <= 599;
    }

    private static String describe(String code, String message, int statusCode, String requestId) {
        String text = message == null || message.isEmpty() ? "the service answered with an error" : message;
        return text + " (code: " + code + ", status: " + statusCode + ", request id: "
                + (requestId == null ? "none" : requestId) + ")";
    }
}
