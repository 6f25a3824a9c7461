package io.keywarden.server.http;

import io.keywarden.core.error.ErrorCode;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Anything no more specific handler claims: logged once on the server with the request ID, answered as a generic
 * {@code InternalFailure} (500) that names no exception, class or detail.
 */
@Singleton
public class UnexpectedExceptionHandler implements ExceptionHandler<Throwable, HttpResponse<?>> {
    static final String MESSAGE = "We encountered an internal error. Please try again.";
    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedExceptionHandler.class);

    @Override
    public HttpResponse<?> handle(HttpRequest request, Throwable exception) {
        String requestId = RequestIds.of(request);
        LOG.error("request {} {} {} failed", requestId, request.getMethodName(), request.getPath(), exception);
        return ErrorResponses.of(request, ErrorCode.INTERNAL_FAILURE, MESSAGE);
    }
}
