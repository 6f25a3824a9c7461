package io.keywarden.server.auth;

import io.keywarden.core.auth.Caller;
import io.keywarden.core.auth.ClientOrigin;
import io.keywarden.core.auth.ResolvedCredential;
import io.keywarden.core.error.ErrorCode;
import io.keywarden.core.error.KeywardenException;
import io.keywarden.core.identity.Principal;
import io.keywarden.core.keys.AccessKeyId;
import io.keywarden.core.session.Session;
import io.keywarden.core.session.SessionRevocations;
import io.keywarden.core.session.SessionTokens;
import io.keywarden.core.sigv4.Header;
import io.keywarden.core.sigv4.ResolvedSecret;
import io.keywarden.core.sigv4.SigV4Verifier;
import io.keywarden.core.sigv4.SignableRequest;
import io.keywarden.core.sigv4.VerifiedRequest;
import io.keywarden.server.edge.ClientOrigins;
import io.keywarden.server.edge.EdgeSettings;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The one code path that authenticates a request: SigV4 verification of the raw request (method, raw path, raw
 * query, headers as received, body bytes) against the in-memory {@link CredentialCache}, then the {@link Caller} for
 * the faces and a last-used record.
 *
 * <p>Cache-first, said in the types: the verifier's first half ({@link SigV4Verifier#claim}) parses and checks what
 * the request claims without any key store; the claimed credential is then either in memory
 * ({@link CredentialCache#get} answers a completed future), and the signature is checked right here (on the event
 * loop: CPU only), or it is loaded on the blocking executor and the signature is checked there once it is. Nothing
 * runs twice. A claimed key ID that is not shaped like one Keywarden issues ({@link AccessKeyId#isWellFormed}) is
 * refused before the cache is asked, so unauthenticated junk never occupies it. Temporary credentials
 * ({@code ASIA…} with {@code X-Amz-Security-Token}) never reach the cache: their token carries the session and its
 * secret, sealed with the token keys, and is checked here, on the calling thread.
 *
 * <p>The caller's source address and {@code aws:SecureTransport} come from {@link ClientOrigins} (forwarding headers
 * only from trusted proxies); its region, {@code aws:RequestedRegion}, is this endpoint's ({@code keywarden.region}),
 * never the region the caller signed (which is still what a key's last use records).
 * <p>A session signed out of the console is refused from the in-memory {@link SessionRevocations}.
 */
@Singleton
public class RequestAuthenticator {
    /** The request attribute that holds the authenticated {@link Caller}. */
    public static final String CALLER_ATTRIBUTE = "keywarden.caller";

    private final SigV4Verifier verifier;
    private final CredentialCache credentials;
    private final LastUsedRecorder lastUsed;
    private final Clock clock;
    private final Executor blocking;
    private final SessionTokens sessions;
    private final ClientOrigins origins;
    private final String requestedRegion;
    private final SessionRevocations revocations;

    public RequestAuthenticator(SigV4Verifier verifier, CredentialCache credentials, LastUsedRecorder lastUsed,
                                Clock clock, @Named(TaskExecutors.BLOCKING) Executor blocking,
                                SessionTokens sessions, ClientOrigins origins, EdgeSettings edge,
                                SessionRevocations revocations) {
        this.sessions = sessions;
        this.origins = origins;
        this.requestedRegion = edge.region();
        this.revocations = revocations;
        this.verifier = verifier;
        this.credentials = credentials;
        this.lastUsed = lastUsed;
        this.clock = clock;
        this.blocking = blocking;
    }

    /**
     * Authenticates {@code request} whose raw body is {@code body}; completes with the caller (also stored in the
     * request attribute {@link #CALLER_ATTRIBUTE}) or fails with a {@link KeywardenException}. Completes at once when
     * the claimed credential is in memory.
     */
    public CompletableFuture<Caller> authenticate(HttpRequest<?> request, byte[] body) {
        SigV4Verifier.Claimed claimed;
        try {
            refuseAmbiguousPlus(request);
            // the verifier's binding refuses scopes for services, regions or hosts this endpoint does not serve
            claimed = verifier.claim(toSignable(request, body));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        if (!AccessKeyId.isWellFormed(claimed.accessKeyId())) {
            // no key has this ID: answered before the cache, so junk IDs cost neither memory nor a database read
            return CompletableFuture.failedFuture(KeywardenException.of(ErrorCode.INVALID_CLIENT_TOKEN_ID,
                    SigV4Verifier.INVALID_CLIENT_TOKEN_ID));
        }
        if (claimed.accessKeyId().startsWith(AccessKeyId.TEMPORARY_PREFIX)) {
            // temporary credentials: everything is in the token, so this is answered here, from memory, at once
            try {
                return CompletableFuture.completedFuture(finishSession(request, claimed));
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
        }
        if (claimed.sessionToken() != null) {
            // a long-term key never comes with a session token
            return CompletableFuture.failedFuture(KeywardenException.of(ErrorCode.INVALID_CLIENT_TOKEN_ID,
                    SigV4Verifier.INVALID_CLIENT_TOKEN_ID));
        }
        CompletableFuture<Optional<ResolvedCredential>> credential = credentials.get(claimed.accessKeyId());
        if (credential.isDone() && !credential.isCompletedExceptionally()) {
            try {
                return CompletableFuture.completedFuture(finish(request, claimed, credential.join()));
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
        }
        return credential.thenApplyAsync(found -> finish(request, claimed, found), blocking);
    }

    private Caller finish(HttpRequest<?> request, SigV4Verifier.Claimed claimed, Optional<ResolvedCredential> found) {
        VerifiedRequest<ResolvedCredential> verified = verifier.verify(claimed,
                found.map(c -> ResolvedSecret.of(c.secret().reveal(), c)));
        String region = verified.scope().region();
        String service = verified.scope().service();
        Instant now = clock.instant();
        ResolvedCredential credential = verified.attachment();
        ClientOrigin origin = origins.of(request);
        Caller caller = new Caller(credential.principal(), verified.accessKeyId(), now, origin.address(),
                request.getHeaders().get(HttpHeaders.USER_AGENT), origin.secure(), requestedRegion, service);
        request.setAttribute(CALLER_ATTRIBUTE, caller);
        lastUsed.record(credential.key().id(), now, service, region);
        return caller;
    }

    /**
     * A request signed with temporary credentials ({@code ASIA…}): the session token (header or presigned query) is
     * opened with the token keys (no database, no credential cache: a token that does not open for this key ID is
     * {@code InvalidClientTokenId}, an expired one {@code ExpiredToken}), then the signature is checked with the
     * session's secret. No last-used record of the key (AWS keeps none for temporary keys), but a role session's request
     * is its role's last use (RoleLastUsed), noted in memory like a key's.
     */
    private Caller finishSession(HttpRequest<?> request, SigV4Verifier.Claimed claimed) {
        if (claimed.sessionToken() == null) {
            throw KeywardenException.of(ErrorCode.INVALID_CLIENT_TOKEN_ID, SigV4Verifier.INVALID_CLIENT_TOKEN_ID);
        }
        SessionTokens.Opened opened = sessions.open(claimed.accessKeyId(), claimed.sessionToken());
        if (revocations.isRevoked(claimed.accessKeyId())) {
            // signed out (a console session): one set lookup, kept current on every node by the change feed
            throw KeywardenException.of(ErrorCode.INVALID_CLIENT_TOKEN_ID, SessionTokens.INVALID);
        }
        VerifiedRequest<SessionTokens.Opened> verified = verifier.verify(claimed,
                Optional.of(ResolvedSecret.of(opened.secret().reveal(), opened)));
        Session session = opened.session();
        ClientOrigin origin = origins.of(request);
        Caller caller = new Caller(session.principal(), verified.accessKeyId(), clock.instant(), origin.address(),
                request.getHeaders().get(HttpHeaders.USER_AGENT), origin.secure(), requestedRegion,
                verified.scope().service(), session);
        request.setAttribute(CALLER_ATTRIBUTE, caller);
        if (session.principal() instanceof Principal.AssumedRole role) {
            lastUsed.recordRole(role.roleId(), caller.requestTime(), verified.scope().region());
        }
        return caller;
    }

    /**
     * A literal {@code +} in the query string: SigV4 canonicalises it as a plus ({@code %2B}), form decoding reads a
     * space, so a signed {@code %2B} could be replaced by {@code +} without breaking the signature while changing what
     * the faces read. AWS's clients always percent-encode both; an ambiguous query is refused before anything else.
     */
    private static void refuseAmbiguousPlus(HttpRequest<?> request) {
        String rawQuery = request.getUri().getRawQuery();
        if (rawQuery != null && rawQuery.indexOf('+') >= 0) {
            throw KeywardenException.of(ErrorCode.MALFORMED_QUERY_STRING, "the query string holds a literal '+', which"
                    + " is ambiguous: send a plus as %2B and a space as %20");
        }
    }

    /** The request as SigV4 sees it: nothing decoded, nothing normalised, headers in received order. */
    static SignableRequest toSignable(HttpRequest<?> request, byte[] body) {
        URI uri = request.getUri();
        String rawPath = uri.getRawPath() == null ? "" : uri.getRawPath();
        String rawQuery = uri.getRawQuery() == null ? "" : uri.getRawQuery();
        List<Header> headers = new ArrayList<>();
        request.getHeaders().forEach((name, values) -> {
            for (String value : values) {
                headers.add(Header.of(name, value));
            }
        });
        return new SignableRequest(request.getMethodName(), rawPath, rawQuery, headers, body);
    }
}
