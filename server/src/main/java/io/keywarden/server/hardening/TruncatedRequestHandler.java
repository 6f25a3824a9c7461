package io.keywarden.server.hardening;

import io.keywarden.core.error.ErrorCode;
import io.keywarden.server.http.ErrorResponses;
import io.keywarden.server.http.RequestIds;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.EOFException;

/**
 * A request whose connection closed before its body was complete (the client hung up, or was disconnected for being
 * too slow): the client's doing, so a 400 (which nobody will read) and a debug line, not the error log with a stack
 * trace that any client could otherwise fill at will.
 */
@Singleton
public class TruncatedRequestHandler implements ExceptionHandler<EOFException, HttpResponse<?>> {
    private static final Logger LOG = LoggerFactory.getLogger(TruncatedRequestHandler.class);

    @Override
    public HttpResponse<?> handle(HttpRequest request, EOFException exception) {
        if (LOG.isDebugEnabled()) {
            LOG.debug("request {} {} {}: the connection closed before the body was complete", RequestIds.of(request),
                    request.getMethodName(), request.getPath());
        }
        return ErrorResponses.of(request, ErrorCode.INVALID_INPUT, "the request body was cut short");
    }
}
