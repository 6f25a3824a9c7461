package io.keywarden.sdk.internal;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A successful (2xx) answer.
 *
 * @param statusCode the HTTP status
 * @param requestId  the {@code x-amzn-RequestId} header, or {@code null}
 * @param body       the body, empty when there is none
 * @param headers    the response headers (names compared ignoring case)
 */
public record ApiResponse(int statusCode, String requestId, byte[] body, Map<String, List<String>> headers) {
    public ApiResponse {
        Objects.requireNonNull(body, "body");
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (headers != null) {
            headers.forEach((name, values) -> copy.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
        }
        headers = java.util.Collections.unmodifiableMap(copy);
    }

    public ApiResponse(int statusCode, String requestId, byte[] body) {
        this(statusCode, requestId, body, Map.of());
    }

    /** The first value of a header. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
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
