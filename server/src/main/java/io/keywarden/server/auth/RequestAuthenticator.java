package io.keywarden.server.auth;

import io.keywarden.core.auth.Caller;
import io.keywarden.core.auth.ResolvedCredential;
import io.keywarden.core.error.ErrorCode;
import io.keywarden.core.error.KeywardenException;
import io.keywarden.core.keys.AccessKeyId;
import io.keywarden.core.sigv4.Header;
import io.keywarden.core.sigv4.ResolvedSecret;
import io.keywarden.core.sigv4.SecretResolver;
import io.keywarden.core.sigv4.SigV4Verifier;
import io.keywarden.core.sigv4.SignableRequest;
import io.keywarden.core.sigv4.VerifiedRequest;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.net.InetSocketAddress;
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
 * the controllers and a last-used record.
 *
 * <p>With the credential cached, verification runs right here (on the event loop: it is CPU only). On a miss the
 * verifier's look-up signals {@link NotLoaded}; the credential then loads on the blocking executor and the request
 * is verified again there, so no thread ever waits for the database on the event loop.
 */
@Singleton
public class RequestAuthenticator {
    /** The request attribute that holds the authenticated {@link Caller}. */
    public static final String CALLER_ATTRIBUTE = "keywarden.caller";
    private static final int MAX_SCOPE_PART = 64;

    private final SigV4Verifier verifier;
    private final CredentialCache credentials;
    private final LastUsedRecorder lastUsed;
    private final Clock clock;
    private final Executor blocking;

    public RequestAuthenticator(SigV4Verifier verifier, CredentialCache credentials, LastUsedRecorder lastUsed,
                                Clock clock, @Named(TaskExecutors.BLOCKING) Executor blocking) {
        this.verifier = verifier;
        this.credentials = credentials;
        this.lastUsed = lastUsed;
        this.clock = clock;
        this.blocking = blocking;
    }

    /**
     * Authenticates {@code request} whose raw body is {@code body}; completes with the caller (also stored in the
     * request attribute {@link #CALLER_ATTRIBUTE}) or fails with a {@link KeywardenException}.
     */
    public CompletableFuture<Caller> authenticate(HttpRequest<?> request, byte[] body) {
        SignableRequest signable = toSignable(request, body);
        try {
            return CompletableFuture.completedFuture(verify(request, signable, false));
        } catch (NotLoaded miss) {
            return miss.loading.thenApplyAsync(loaded -> verify(request, signable, true), blocking);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private Caller verify(HttpRequest<?> request, SignableRequest signable, boolean mayWait) {
        VerifiedRequest<ResolvedCredential> verified = verifier.verify(signable, resolver(mayWait));
        String region = verified.scope().region();
        String service = verified.scope().service();
        checkScopePart(region, "Region");
        checkScopePart(service, "service");
        Instant now = clock.instant();
        ResolvedCredential credential = verified.attachment();
        Caller caller = new Caller(credential.principal(), verified.accessKeyId(), now, sourceIp(request),
                request.getHeaders().get(HttpHeaders.USER_AGENT), request.isSecure(), region, service);
        request.setAttribute(CALLER_ATTRIBUTE, caller);
        lastUsed.record(credential.key().id(), now, service, region);
        return caller;
    }

    /**
     * Looks up the secret in the cache. A value still loading is waited for only when {@code mayWait} (on the
     * blocking executor); otherwise the miss is signalled so that the caller can wait asynchronously.
     */
    private SecretResolver<ResolvedCredential> resolver(boolean mayWait) {
        return (accessKeyId, sessionToken) -> {
            if (sessionToken != null) {
                // temporary credentials (STS) are not issued yet: a token is never valid
                return Optional.empty();
            }
            CompletableFuture<Optional<ResolvedCredential>> future = credentials.get(accessKeyId);
            if (!future.isDone() && !mayWait) {
                throw new NotLoaded(future);
            }
            return future.join().map(c -> ResolvedSecret.of(c.secret().reveal(), c));
        };
    }

    /** Region and service come from the client's scope and end up stored and shown: keep them sane. */
    private static void checkScopePart(String value, String what) {
        boolean ok = !value.isEmpty() && value.length() <= MAX_SCOPE_PART;
        for (int i = 0; ok && i < value.length(); i++) {
            char c = value.charAt(i);
            ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
                    || c == '.';
        }
        if (!ok) {
            throw KeywardenException.of(ErrorCode.INCOMPLETE_SIGNATURE, "Credential should be scoped to a valid "
                    + what + ", not '" + (value.length() > MAX_SCOPE_PART ? value.substring(0, MAX_SCOPE_PART) + "..."
                    : value) + "'.");
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

    private static String sourceIp(HttpRequest<?> request) {
        InetSocketAddress remote = request.getRemoteAddress();
        if (remote == null) {
            return "";
        }
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }

    /** The verifier asked for a credential that is still loading; carries the load to wait for. */
    static final class NotLoaded extends RuntimeException {
        final transient CompletableFuture<?> loading;

        NotLoaded(CompletableFuture<?> loading) {
            super(null, null, false, false);
            this.loading = loading;
        }
    }
}
