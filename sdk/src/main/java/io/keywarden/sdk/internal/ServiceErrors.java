package io.keywarden.sdk.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.keywarden.core.error.ErrorCode;
import io.keywarden.sdk.exception.AccessDeniedException;
import io.keywarden.sdk.exception.DeleteConflictException;
import io.keywarden.sdk.exception.EntityAlreadyExistsException;
import io.keywarden.sdk.exception.ExpiredTokenException;
import io.keywarden.sdk.exception.InvalidClientTokenIdException;
import io.keywarden.sdk.exception.KeywardenServiceException;
import io.keywarden.sdk.exception.LimitExceededException;
import io.keywarden.sdk.exception.MalformedPolicyDocumentException;
import io.keywarden.sdk.exception.NoSuchEntityException;
import io.keywarden.sdk.exception.ReportNotPresentException;
import io.keywarden.sdk.exception.SignatureDoesNotMatchException;
import io.keywarden.sdk.exception.ThrottlingException;
import io.keywarden.sdk.exception.ValidationException;

import java.util.EnumMap;
import java.util.Map;

/**
 * Turns an error answer ({@code {"code","message","requestId"}}) into the typed exception for its code, by table:
 * the code alone decides, never the message. A code without an entry (or one this SDK does not know) gives a
 * plain {@link KeywardenServiceException}; so does an answer without a code (e.g. a proxy's HTML page), with
 * {@link KeywardenServiceException#UNKNOWN_CODE}.
 */
public final class ServiceErrors {

    @FunctionalInterface
    interface Factory {
        KeywardenServiceException create(String code, String message, int status, String requestId);
    }

    private static final Map<ErrorCode, Factory> TABLE = new EnumMap<>(ErrorCode.class);

    static {
        TABLE.put(ErrorCode.NO_SUCH_ENTITY, (c, m, s, r) -> new NoSuchEntityException(m, s, r));
        TABLE.put(ErrorCode.ENTITY_ALREADY_EXISTS, (c, m, s, r) -> new EntityAlreadyExistsException(m, s, r));
        TABLE.put(ErrorCode.LIMIT_EXCEEDED, (c, m, s, r) -> new LimitExceededException(m, s, r));
        TABLE.put(ErrorCode.DELETE_CONFLICT, (c, m, s, r) -> new DeleteConflictException(m, s, r));
        TABLE.put(ErrorCode.ACCESS_DENIED, (c, m, s, r) -> new AccessDeniedException(m, s, r));
        TABLE.put(ErrorCode.INVALID_CLIENT_TOKEN_ID, (c, m, s, r) -> new InvalidClientTokenIdException(m, s, r));
        TABLE.put(ErrorCode.SIGNATURE_DOES_NOT_MATCH, (c, m, s, r) -> new SignatureDoesNotMatchException(m, s, r));
        TABLE.put(ErrorCode.MALFORMED_POLICY_DOCUMENT, (c, m, s, r) -> new MalformedPolicyDocumentException(m, s, r));
        TABLE.put(ErrorCode.THROTTLING, (c, m, s, r) -> new ThrottlingException(m, s, r));
        TABLE.put(ErrorCode.EXPIRED_TOKEN, (c, m, s, r) -> new ExpiredTokenException(m, s, r));
        TABLE.put(ErrorCode.REPORT_NOT_PRESENT, (c, m, s, r) -> new ReportNotPresentException(m, s, r));
        TABLE.put(ErrorCode.VALIDATION_ERROR, ValidationException::new);
        TABLE.put(ErrorCode.INVALID_INPUT, ValidationException::new);
        TABLE.put(ErrorCode.INVALID_PARAMETER_VALUE, ValidationException::new);
        TABLE.put(ErrorCode.MISSING_PARAMETER, ValidationException::new);
    }

    private ServiceErrors() {
    }

    /** The exception for an error answer. */
    public static KeywardenServiceException fromAnswer(int status, String headerRequestId, byte[] body) {
        JsonNode node = Json.readTreeOrNull(body);
        String code = text(node, "code");
        String message = text(node, "message");
        String requestId = text(node, "requestId");
        if (requestId == null) {
            requestId = headerRequestId;
        }
        if (code == null || code.isBlank()) {
            return new KeywardenServiceException(KeywardenServiceException.UNKNOWN_CODE,
                    message != null ? message : "the service answered HTTP " + status + " without an error code",
                    status, requestId);
        }
        return of(code, message == null ? "" : message, status, requestId);
    }

    /** The exception for {@code code}: the subclass the table names, else the base class. */
    public static KeywardenServiceException of(String code, String message, int status, String requestId) {
        Factory factory = ErrorCode.fromCode(code).map(TABLE::get).orElse(null);
        return factory == null ? new KeywardenServiceException(code, message, status, requestId)
                : factory.create(code, message, status, requestId);
    }

    private static String text(JsonNode node, String field) {
        if (node == null) {
            return null;
        }
        JsonNode value = node.get(field);
        return value != null && value.isTextual() ? value.textValue() : null;
    }
}
