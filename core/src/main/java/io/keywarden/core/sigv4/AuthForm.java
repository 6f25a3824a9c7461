package io.keywarden.core.sigv4;

/** Where a request carried its SigV4 signature. */
public enum AuthForm {
    /** In the {@code Authorization} header. */
    HEADER,
    /** In the query string ({@code X-Amz-Signature}, a presigned URL). */
    QUERY
}
