package io.keywarden.core.sigv4;

/** {@code AWS4-HMAC-SHA256\n<amz date>\n<scope>\n<hex sha256 of the canonical request>}, without a trailing newline. */
final class StringToSign {

    private StringToSign() {
    }

    static String build(String amzDate, CredentialScope scope, String canonicalRequest) {
        return SigV4Names.ALGORITHM + '\n' + amzDate + '\n' + scope + '\n' + SigV4Crypto.sha256Hex(canonicalRequest);
    }
}
