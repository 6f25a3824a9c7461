package io.keywarden.core.error;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The one error vocabulary of Keywarden: each code is the AWS error code sent on the wire (both faces)
 * and carries the HTTP status AWS uses for it. The SDK maps a code back to a typed exception.
 */
public enum ErrorCode {
    // identity and key management
    NO_SUCH_ENTITY("NoSuchEntity", 404),
    ENTITY_ALREADY_EXISTS("EntityAlreadyExists", 409),
    LIMIT_EXCEEDED("LimitExceeded", 409),
    DELETE_CONFLICT("DeleteConflict", 409),
    CONCURRENT_MODIFICATION("ConcurrentModification", 409),
    VALIDATION_ERROR("ValidationError", 400),
    INVALID_INPUT("InvalidInput", 400),
    MALFORMED_POLICY_DOCUMENT("MalformedPolicyDocument", 400),
    PACKED_POLICY_TOO_LARGE("PackedPolicyTooLarge", 400),
    POLICY_NOT_ATTACHABLE("PolicyNotAttachable", 400),
    REPORT_NOT_PRESENT("ReportNotPresent", 410),
    REPORT_EXPIRED("ReportExpired", 410),
    REPORT_IN_PROGRESS("ReportInProgress", 404),
    // console passwords
    PASSWORD_POLICY_VIOLATION("PasswordPolicyViolation", 400),
    ENTITY_TEMPORARILY_UNMODIFIABLE("EntityTemporarilyUnmodifiable", 409),
    INVALID_USER_TYPE("InvalidUserType", 400),
    // authentication and authorisation
    ACCESS_DENIED("AccessDenied", 403),
    INVALID_CLIENT_TOKEN_ID("InvalidClientTokenId", 403),
    SIGNATURE_DOES_NOT_MATCH("SignatureDoesNotMatch", 403),
    INCOMPLETE_SIGNATURE("IncompleteSignature", 400),
    MISSING_AUTHENTICATION_TOKEN("MissingAuthenticationToken", 403),
    EXPIRED_TOKEN("ExpiredToken", 403),
    // protocol
    INVALID_ACTION("InvalidAction", 400),
    MISSING_ACTION("MissingAction", 400),
    MISSING_PARAMETER("MissingParameter", 400),
    INVALID_PARAMETER_VALUE("InvalidParameterValue", 400),
    MALFORMED_QUERY_STRING("MalformedQueryString", 404),
    NOT_FOUND("NotFound", 404),
    METHOD_NOT_ALLOWED("MethodNotAllowed", 405),
    UNSUPPORTED_MEDIA_TYPE("UnsupportedMediaType", 415),
    REQUEST_ENTITY_TOO_LARGE("RequestEntityTooLarge", 413),
    REQUEST_HEADER_FIELDS_TOO_LARGE("RequestHeaderFieldsTooLarge", 431),
    REQUEST_URI_TOO_LONG("RequestURITooLong", 414),
    THROTTLING("Throttling", 400),
    // the AWS JSON 1.1 face (CloudTrail's LookupEvents), spelled as CloudTrail spells them
    SERIALIZATION("SerializationException", 400),
    UNKNOWN_OPERATION("UnknownOperationException", 400),
    INVALID_LOOKUP_ATTRIBUTES("InvalidLookupAttributesException", 400),
    INVALID_TIME_RANGE("InvalidTimeRangeException", 400),
    INVALID_MAX_RESULTS("InvalidMaxResultsException", 400),
    INVALID_NEXT_TOKEN("InvalidNextTokenException", 400),
    INVALID_EVENT_CATEGORY("InvalidEventCategoryException", 400),
    // server side
    SERVICE_FAILURE("ServiceFailure", 500),
    INTERNAL_FAILURE("InternalFailure", 500),
    SERVICE_UNAVAILABLE("ServiceUnavailable", 503);

    private static final Map<String, ErrorCode> BY_CODE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(ErrorCode::code, Function.identity()));

    private final String code;
    private final int httpStatus;

    ErrorCode(String code, int httpStatus) {
        this.code = code;
        this.httpStatus = httpStatus;
    }

    /** The AWS error code, e.g. {@code NoSuchEntity}. */
    public String code() {
        return code;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** {@code Sender} for 4xx, {@code Receiver} for 5xx, as in AWS's XML error envelope. */
    public String faultType() {
        return httpStatus >= 500 ? "Receiver" : "Sender";
    }

    public static Optional<ErrorCode> fromCode(String code) {
        return Optional.ofNullable(code == null ? null : BY_CODE.get(code));
    }
}
