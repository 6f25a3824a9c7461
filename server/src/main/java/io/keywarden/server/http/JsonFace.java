package io.keywarden.server.http;

import io.keywarden.core.error.ErrorCode;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Which requests belong to the AWS JSON 1.1 face ({@code POST /} with {@code Content-Type: application/x-amz-json-1.1}
 * and the operation in {@code X-Amz-Target}, how the AWS SDKs and CLI call CloudTrail) and how its errors look:
 * {@code {"__type":"Code","message":"..."}} as {@code application/x-amz-json-1.1}, the code also in
 * {@code x-amzn-ErrorType}. A request counts as a JSON 1.1 one from its content type or its {@code X-Amz-Target}
 * alone, so that its errors are in JSON whatever step refuses it (authentication, an unknown target, a bad body).
 */
public final class JsonFace {
    public static final String CONTENT_TYPE = "application/x-amz-json-1.1";
    public static final MediaType MEDIA_TYPE = MediaType.of(CONTENT_TYPE);
    public static final String TARGET_HEADER = "X-Amz-Target";
    public static final String ERROR_TYPE_HEADER = "x-amzn-ErrorType";

    private JsonFace() {
    }

    /** Whether the request is for the JSON 1.1 face: path {@code /} and a JSON 1.1 content type or a target. */
    public static boolean handles(HttpRequest<?> request) {
        if (!QueryFace.handles(request)) {
            return false;
        }
        String contentType = request.getHeaders().get("Content-Type");
        return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith(CONTENT_TYPE)
                || request.getHeaders().get(TARGET_HEADER) != null;
    }

    /** The request's {@code X-Amz-Target}; null when absent. */
    public static String target(HttpRequest<?> request) {
        return request.getHeaders().get(TARGET_HEADER);
    }

    /**
     * The error code as JSON services spell it: AWS's JSON protocol services answer {@code AccessDeniedException},
     * {@code ValidationException} and {@code ThrottlingException} where the Query services say {@code AccessDenied},
     * {@code ValidationError} and {@code Throttling}; every other code is the same.
     */
    public static String code(ErrorCode code) {
        return switch (code) {
            case ACCESS_DENIED -> "AccessDeniedException";
            case VALIDATION_ERROR -> "ValidationException";
            case THROTTLING -> "ThrottlingException";
            default -> code.code();
        };
    }

    /** The body of a JSON 1.1 error. */
    public static byte[] errorBody(ErrorCode code, String message) {
        return ("{\"__type\":" + quote(code(code)) + ",\"message\":" + quote(message) + "}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
