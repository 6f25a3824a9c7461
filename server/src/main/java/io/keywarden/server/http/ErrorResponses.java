package io.keywarden.server.http;

import io.keywarden.core.error.ErrorCode;
import io.keywarden.server.http.dto.ErrorDto;
import io.keywarden.server.query.QueryDispatcher;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;

/**
 * The one place every error answer is made, whoever raised it (a use case, the authentication filter, Micronaut
 * itself, an unexpected exception): the HTTP status of the {@link ErrorCode} and {@code x-amzn-RequestId}, with the
 * body in the format of the face the request came to. The Query face ({@link QueryFace#handles path /}) answers
 * AWS's XML error envelope ({@code text/xml}, IAM or STS namespace), the REST face
 * {@code {"code","message","requestId"}} as JSON.
 */
public final class ErrorResponses {
    private ErrorResponses() {
    }

    public static MutableHttpResponse<Object> of(HttpRequest<?> request, ErrorCode code, String message) {
        String requestId = RequestIds.of(request);
        MutableHttpResponse<Object> response = HttpResponse.status(HttpStatus.valueOf(code.httpStatus()));
        if (QueryFace.handles(request)) {
            response.body(QueryDispatcher.errorXml(QueryFace.namespace(request), code, message, requestId))
                    .contentType(QueryFace.TEXT_XML);
        } else {
            response.body(new ErrorDto(code.code(), message, requestId)).contentType(MediaType.APPLICATION_JSON_TYPE);
        }
        response.getHeaders().set(RequestIds.HEADER, requestId);
        return response;
    }
}
