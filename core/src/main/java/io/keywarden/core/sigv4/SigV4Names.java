package io.keywarden.core.sigv4;

import java.time.Duration;

/** Wire names and fixed values of AWS Signature Version 4. */
final class SigV4Names {
    static final String ALGORITHM = "AWS4-HMAC-SHA256";
    static final String TERMINATOR = "aws4_request";

    static final String AUTHORIZATION = "Authorization";
    static final String X_AMZ_DATE = "X-Amz-Date";
    static final String DATE = "Date";
    static final String HOST = "host";
    static final String SECURITY_TOKEN = "X-Amz-Security-Token";
    static final String CONTENT_SHA256 = "x-amz-content-sha256";
    static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";

    static final String Q_ALGORITHM = "X-Amz-Algorithm";
    static final String Q_CREDENTIAL = "X-Amz-Credential";
    static final String Q_DATE = "X-Amz-Date";
    static final String Q_EXPIRES = "X-Amz-Expires";
    static final String Q_SIGNED_HEADERS = "X-Amz-SignedHeaders";
    static final String Q_SIGNATURE = "X-Amz-Signature";
    static final String Q_SECURITY_TOKEN = "X-Amz-Security-Token";

    static final long MAX_PRESIGN_SECONDS = 604_800;
    static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(15);

    private SigV4Names() {
    }
}
