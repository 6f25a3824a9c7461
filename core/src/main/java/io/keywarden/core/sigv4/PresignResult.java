package io.keywarden.core.sigv4;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of {@link SigV4Signer#presign}: the intermediate values, the query parameters to append (in order,
 * ending with {@code X-Amz-Signature}) and the request with its raw query extended by them.
 * {@link #toString()} shows neither the canonical request nor parameter values, which may hold a session token.
 */
public record PresignResult(String canonicalRequest, String stringToSign, String signature,
                            List<QueryParameter> queryParameters, SignableRequest signedRequest) {

    public PresignResult {
        Objects.requireNonNull(canonicalRequest, "canonicalRequest");
        Objects.requireNonNull(stringToSign, "stringToSign");
        Objects.requireNonNull(signature, "signature");
        queryParameters = List.copyOf(queryParameters);
        Objects.requireNonNull(signedRequest, "signedRequest");
    }

    @Override
    public String toString() {
        return "PresignResult[signature=" + signature + ", queryParameters="
                + queryParameters.stream().map(QueryParameter::name).toList() + "]";
    }
}
