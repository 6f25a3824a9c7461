/**
 * AWS Signature Version 4: signing ({@link io.keywarden.core.sigv4.SigV4Signer}, used by the SDK) and
 * verification ({@link io.keywarden.core.sigv4.SigV4Verifier}, used by the server), proven against the official
 * aws-c-auth test suite.
 *
 * <p>Both sides work on a {@link io.keywarden.core.sigv4.SignableRequest}: the request exactly as it is on the
 * wire (percent-encoded path and query, headers in order, raw body). One package-private class,
 * {@code CanonicalRequest}, canonicalises for both, so they cannot drift apart. The signing time is always an
 * input (the verifier takes a {@link java.time.Clock}).
 *
 * <p>Security notes for reviewers:
 * <ul>
 *   <li>signatures are compared in constant time; no message or {@code toString()} holds a secret, a signing key,
 *       a session token or the expected signature;</li>
 *   <li>the signing-key cache is keyed by a SHA-256 fingerprint of the secret, so a changed secret never reuses
 *       a stale key, and only keys that verified a signature are cached;</li>
 *   <li>requests more than 15 minutes off the clock, expired presigned URLs, bodies that do not match
 *       {@code x-amz-content-sha256} and {@code UNSIGNED-PAYLOAD} with a body are refused before the key store is
 *       asked;</li>
 *   <li>any region and service in the credential scope are accepted (clients with a custom endpoint sign with
 *       their configured region); the caller decides whether the scope matters;</li>
 *   <li>the verifier always normalises the path (non-S3 semantics) and signs over the wire path encoded once
 *       more ("double encoding"); {@code +} in a query is a literal plus.</li>
 * </ul>
 */
package io.keywarden.core.sigv4;
