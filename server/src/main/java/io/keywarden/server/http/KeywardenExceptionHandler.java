package io.keywarden.server.http;

import io.keywarden.core.error.KeywardenException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Failures from core (and the authentication filter): the code and message they carry, with the code's status. */
@Singleton
public class KeywardenExceptionHandler implements ExceptionHandler<KeywardenException, HttpResponse<?>> {
    private static final Logger LOG = LoggerFactory.getLogger(KeywardenExceptionHandler.class);

    @Override
    public HttpResponse<?> handle(HttpRequest request, KeywardenException exception) {
        if (exception.errorCode().httpStatus() >= 500) {
            LOG.error("request {} {} {} failed: {}", RequestIds.of(request), request.getMethodName(), request.getPath(),
                    exception.getMessage(), exception);
        } else if (LOG.isDebugEnabled()) {
            LOG.debug("request {} {} {} refused: {} {}", RequestIds.of(request), request.getMethodName(),
                    request.getPath(), exception.errorCode().code(), exception.getMessage());
        }
        return ErrorResponses.of(request, exception.errorCode(), exception.getMessage());
    }
}
