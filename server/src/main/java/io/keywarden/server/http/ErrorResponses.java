package io.keywarden.server.http;

import io.keywarden.core.error.ErrorCode;
import io.keywarden.server.http.dto.ErrorDto;
import io.keywarden.server.query.QueryCodec;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;

/**
 * The one place every error answer is made, whoever raised it (a use case, the authentication filter, Micronaut
 * itself, an unexpected exception): the HTTP status of the {@link ErrorCode} and {@code x-amzn-RequestId}, with the
 * body in the format of the face the request came to. The JSON 1.1 face ({@link JsonFace#handles}: path {@code /}
 * with a JSON 1.1 content type or an {@code X-Amz-Target}) answers {@code {"__type","message"}}; the Query face
 * ({@link QueryFace#handles path /}, anything else there) AWS's XML error envelope ({@code text/xml}, IAM or STS
 * namespace); the REST face
 * {@code {"code","message","requestId"}} as JSON.
 */
public final class ErrorResponses {
    /** The request attribute that holds the {@link ErrorCode} of the error answered (for the audit trail). */
    public static final String CODE_ATTRIBUTE = "keywarden.error.code";
    /** The request attribute that holds the message of the error answered. */
    public static final String MESSAGE_ATTRIBUTE = "keywarden.error.message";

    private ErrorResponses() {
    }

    public static MutableHttpResponse<Object> of(HttpRequest<?> request, ErrorCode code, String message) {
        String requestId = RequestIds.of(request);
        request.setAttribute(CODE_ATTRIBUTE, code);
        request.setAttribute(MESSAGE_ATTRIBUTE, message);
        MutableHttpResponse<Object> response = HttpResponse.status(HttpStatus.valueOf(code.httpStatus()));
        if (JsonFace.handles(request)) {
            response.body(JsonFace.errorBody(code, message)).contentType(JsonFace.MEDIA_TYPE);
            response.getHeaders().set(JsonFace.ERROR_TYPE_HEADER, JsonFace.code(code));
        } else if (QueryFace.handles(request)) {
            response.body(QueryCodec.errorXml(QueryFace.namespace(request), code, message, requestId))
                    .contentType(QueryFace.TEXT_XML);
        } else {
            response.body(new ErrorDto(code.code(), message, requestId)).contentType(MediaType.APPLICATION_JSON_TYPE);
        }
        response.getHeaders().set(RequestIds.HEADER, requestId);
        return response;
    }
}
