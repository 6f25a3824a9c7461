package io.keywarden.core.sigv4;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of {@link SigV4Signer#sign}: the intermediate values (for debugging and tests), the headers to
 * add ({@code X-Amz-Date}, {@code X-Amz-Security-Token} when there is a token, {@code x-amz-content-sha256} when
 * asked for, {@code Authorization}) and the request with them added.
 * {@link #toString()} shows neither the canonical request nor header values, which may hold a session token.
 */
public record SigningResult(String canonicalRequest, String stringToSign, String signature,
                            List<Header> headersToAdd, SignableRequest signedRequest) {

    public SigningResult {
        Objects.requireNonNull(canonicalRequest, "canonicalRequest");
        Objects.requireNonNull(stringToSign, "stringToSign");
        Objects.requireNonNull(signature, "signature");
        headersToAdd = List.copyOf(headersToAdd);
        Objects.requireNonNull(signedRequest, "signedRequest");
    }

    /** The value of the {@code Authorization} header. */
    public String authorization() {
        for (Header header : headersToAdd) {
            if (header.hasName(SigV4Names.AUTHORIZATION)) {
                return header.value();
            }
        }
        throw new IllegalStateException("no Authorization header");
    }

    @Override
    public String toString() {
        return "SigningResult[signature=" + signature + ", headersToAdd="
                + headersToAdd.stream().map(Header::name).toList() + "]";
    }
}
