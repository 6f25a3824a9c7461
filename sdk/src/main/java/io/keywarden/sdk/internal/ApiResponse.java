package io.keywarden.sdk.internal;

import java.util.Objects;

/**
 * A successful (2xx) answer.
 *
 * @param statusCode the HTTP status
 * @param requestId  the {@code x-amzn-RequestId} header, or {@code null}
 * @param body       the body, empty when there is none
 */
public record ApiResponse(int statusCode, String requestId, byte[] body) {
    public ApiResponse {
        Objects.requireNonNull(body, "body");
    }

    @Override
    public String toString() {
        return "ApiResponse[status=" + statusCode + ", requestId=" + requestId + ", body=" + body.length + " bytes]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ApiResponse other && statusCode == other.statusCode
                && Objects.equals(requestId, other.requestId) && java.util.Arrays.equals(body, other.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(statusCode, requestId, java.util.Arrays.hashCode(body));
    }
}
