package io.keywarden.sdk.internal;

import java.util.Objects;

/**
 * One REST call before signing.
 *
 * @param method         {@code GET}, {@code POST}, {@code PATCH} or {@code DELETE}
 * @param service        the SigV4 service to sign for: {@code iam} or {@code sts}
 * @param path           the encoded path below the endpoint, e.g. {@code /v1/users/alice}
 * @param rawQuery       the encoded query without {@code ?}, empty for none
 * @param body           the JSON body, or {@code null} for none
 * @param secretInAnswer whether the answer carries a secret (then parse failures keep no trace of the answer)
 */
public record ApiRequest(String method, String service, String path, String rawQuery, byte[] body,
                         boolean secretInAnswer) {
    public static final String IAM = "iam";
    public static final String STS = "sts";

    public ApiRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(rawQuery, "rawQuery");
    }

    public static ApiRequest get(String service, String path, String rawQuery) {
        return new ApiRequest("GET", service, path, rawQuery, null, false);
    }

    public static ApiRequest get(String service, String path) {
        return get(service, path, "");
    }

    public static ApiRequest delete(String path) {
        return new ApiRequest("DELETE", IAM, path, "", null, false);
    }

    /**
     * Whether repeating the request after it may have reached the server is harmless. POST creates something
     * each time, so it is not; PATCH here sets an absolute value (a key's status), so it is.
     */
    public boolean idempotent() {
        return !method.equals("POST");
    }

    /** e.g. {@code GET /v1/users/alice}, for messages. */
    public String describe() {
        return method + " " + path;
    }

    @Override
    public String toString() {
        return "ApiRequest[" + describe() + (rawQuery.isEmpty() ? "" : "?" + rawQuery) + ", service=" + service
                + ", body=" + (body == null ? "none" : body.length + " bytes") + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ApiRequest other && method.equals(other.method) && service.equals(other.service)
                && path.equals(other.path) && rawQuery.equals(other.rawQuery)
                && java.util.Arrays.equals(body, other.body) && secretInAnswer == other.secretInAnswer;
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, service, path, rawQuery, java.util.Arrays.hashCode(body), secretInAnswer);
    }
}
