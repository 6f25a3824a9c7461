package io.keywarden.server.http;

import io.keywarden.core.error.ErrorCode;
import io.keywarden.core.error.KeywardenException;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.bind.exceptions.UnsatisfiedArgumentException;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.netty.NettyHttpRequest;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.json.JsonSyntaxException;
import io.micronaut.web.router.exceptions.UnsatisfiedRouteException;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders every error Micronaut produces itself (unknown route, wrong method, unsupported media type, unreadable
 * body or parameter, body too large, unhandled exceptions) through {@link ErrorResponses}, with the status of the
 * mapped {@link ErrorCode}: JSON on the REST face, AWS's XML envelope on the Query face. Messages are Keywarden's
 * own: never an exception message, class name or stack trace.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
public class KeywardenErrorResponseProcessor implements ErrorResponseProcessor<Object> {
    private static final Logger LOG = LoggerFactory.getLogger(KeywardenErrorResponseProcessor.class);
    private static final int MAX_ECHO = 200;

    @Override
    public MutableHttpResponse<Object> processResponse(ErrorContext context, MutableHttpResponse<?> base) {
        HttpRequest<?> request = context.getRequest();
        int status = base.code();
        KeywardenException refusal = bodyRefusal(context.getRootCause().orElse(null));
        ErrorCode code = refusal != null ? refusal.errorCode()
                : codeFor(status, context.getRootCause().orElse(decoderFailure(request)));
        String message = refusal != null ? refusal.getMessage() : messageFor(code, request, context);
        if (code.httpStatus() >= 500) {
            LOG.error("request {} {} {} failed", RequestIds.of(request), request.getMethodName(), request.getPath(),
                    context.getRootCause().orElse(null));
        }
        MutableHttpResponse<Object> response = ErrorResponses.of(request, code, message);
        base.getHeaders().forEach((name, values) -> {
            // keep what Micronaut decided besides the body, e.g. Allow on a 405
            if (name.equalsIgnoreCase("Allow")) {
                values.forEach(v -> response.getHeaders().add(name, v));
            }
        });
        return response;
    }

    /** A request body refused by {@link JsonBodies} while Micronaut decoded it (it arrives wrapped). */
    private static KeywardenException bodyRefusal(Throwable cause) {
        for (Throwable c = cause; c != null; c = c.getCause()) {
            if (c instanceof KeywardenException e) {
                return e;
            }
        }
        return null;
    }

    /** Why Netty could not decode the request (Micronaut answers 413 for any oversized part without a cause). */
    private static Throwable decoderFailure(HttpRequest<?> request) {
        if (request instanceof NettyHttpRequest<?> netty && netty.getNativeRequest().decoderResult().isFailure()) {
            return netty.getNativeRequest().decoderResult().cause();
        }
        return null;
    }

    static ErrorCode codeFor(int status, Throwable cause) {
        // Netty refuses an oversized request line or header block before there is a request; Micronaut answers 413
        if (hasCause(cause, TooLongHttpHeaderException.class)) {
            return ErrorCode.REQUEST_HEADER_FIELDS_TOO_LARGE;
        }
        if (hasCause(cause, TooLongHttpLineException.class)) {
            return ErrorCode.REQUEST_URI_TOO_LONG;
        }
        return codeFor(status);
    }

    static ErrorCode codeFor(int status) {
        return switch (status) {
            case 400 -> ErrorCode.VALIDATION_ERROR;
            case 403 -> ErrorCode.ACCESS_DENIED;
            case 404 -> ErrorCode.NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 413 -> ErrorCode.REQUEST_ENTITY_TOO_LARGE;
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            case 503 -> ErrorCode.SERVICE_UNAVAILABLE;
            default -> status >= 500 ? ErrorCode.INTERNAL_FAILURE : ErrorCode.INVALID_INPUT;
        };
    }

    private static String messageFor(ErrorCode code, HttpRequest<?> request, ErrorContext context) {
        Throwable cause = context.getRootCause().orElse(null);
        return switch (code) {
            case NOT_FOUND -> "no resource at '" + echo(request.getPath()) + "'";
            case METHOD_NOT_ALLOWED -> "method " + echo(request.getMethodName()) + " is not allowed on '"
                    + echo(request.getPath()) + "'";
            case UNSUPPORTED_MEDIA_TYPE -> "content type '"
                    + echo(request.getContentType().map(Object::toString).orElse("")) + "' is not supported;"
                    + (QueryFace.handles(request) ? " send application/x-www-form-urlencoded" : " send application/json");
            case REQUEST_ENTITY_TOO_LARGE -> "request body is too large";
            case REQUEST_HEADER_FIELDS_TOO_LARGE -> "request headers are too large";
            case REQUEST_URI_TOO_LONG -> "request line (method, path and query) is too long";
            case VALIDATION_ERROR -> validationMessage(cause);
            case INTERNAL_FAILURE -> UnexpectedExceptionHandler.MESSAGE;
            case SERVICE_UNAVAILABLE -> "the service is unavailable; try again later";
            default -> "the request could not be processed";
        };
    }

    private static String validationMessage(Throwable cause) {
        if (hasCause(cause, JsonSyntaxException.class)) {
            return "request body is not valid JSON";
        }
        Argument<?> argument = null;
        if (cause instanceof ConversionErrorException e) {
            argument = e.getArgument();
        } else if (cause instanceof UnsatisfiedRouteException e) {
            argument = e.getArgument();
        } else if (cause instanceof UnsatisfiedArgumentException e) {
            argument = e.getArgument();
        }
        if (argument != null && argument.getAnnotationMetadata().hasAnnotation(Body.class)) {
            return "request body is required: a JSON object";
        }
        if (argument != null) {
            return "1 validation error detected: Value at '" + echo(argument.getName())
                    + "' failed to satisfy constraint: Member must be present and of the documented type";
        }
        return "the request could not be read";
    }

    private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    /** User input in a message: bounded, without control characters. */
    static String echo(String s) {
        if (s == null) {
            return "";
        }
        String cut = s.length() > MAX_ECHO ? s.substring(0, MAX_ECHO) + "..." : s;
        StringBuilder out = new StringBuilder(cut.length());
        for (int i = 0; i < cut.length(); i++) {
            char c = cut.charAt(i);
            out.append(c < ' ' || c == 0x7F ? '?' : c);
        }
        return out.toString();
    }
}
