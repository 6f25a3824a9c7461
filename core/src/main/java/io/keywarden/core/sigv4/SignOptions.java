package io.keywarden.core.sigv4;

/**
 * How {@link SigV4Signer} signs. {@link #defaults()} suits Keywarden, IAM and STS.
 *
 * @param normalizePath          remove {@code .}/{@code ..} segments and repeated {@code /} before encoding the
 *                               path (every service except S3); default {@code true}. Keywarden's verifier
 *                               always normalises.
 * @param addContentSha256Header add and sign {@code x-amz-content-sha256: <hex sha256 of the body>}
 *                               (header signing only); default {@code false}
 * @param omitSessionToken       leave the session token out of the signature and add it after signing, as some
 *                               AWS services expect; default {@code false}
 */
public record SignOptions(boolean normalizePath, boolean addContentSha256Header, boolean omitSessionToken) {

    private static final SignOptions DEFAULTS = new SignOptions(true, false, false);

    public static SignOptions defaults() {
        return DEFAULTS;
    }

    public SignOptions withNormalizePath(boolean value) {
        return new SignOptions(value, addContentSha256Header, omitSessionToken);
    }

    public SignOptions withAddContentSha256Header(boolean value) {
        return new SignOptions(normalizePath, value, omitSessionToken);
    }

    public SignOptions withOmitSessionToken(boolean value) {
        return new SignOptions(normalizePath, addContentSha256Header, value);
    }
}
