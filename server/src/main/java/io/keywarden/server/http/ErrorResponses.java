package io.keywarden.server.http;

import io.keywarden.core.error.ErrorCode;
import io.keywarden.server.http.dto.ErrorDto;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;

/**
 * The one shape of every error answer: {@code {"code","message","requestId"}} with the HTTP status of the
 * {@link ErrorCode}, as JSON, with {@code x-amzn-RequestId}.
 */
public final class ErrorResponses {
    private ErrorResponses() {
    }

    public static MutableHttpResponse<ErrorDto> of(HttpRequest<?> request, ErrorCode code, String message) {
        String requestId = RequestIds.of(request);
        MutableHttpResponse<ErrorDto> response = HttpResponse.<ErrorDto>status(
                        io.micronaut.http.HttpStatus.valueOf(code.httpStatus()))
                .body(new ErrorDto(code.code(), message, requestId))
                .contentType(MediaType.APPLICATION_JSON_TYPE);
        response.getHeaders().set(RequestIds.HEADER, requestId);
        return response;
    }
}
