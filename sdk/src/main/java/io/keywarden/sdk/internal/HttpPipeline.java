package io.keywarden.sdk.internal;

import io.keywarden.core.sigv4.Header;
import io.keywarden.core.sigv4.SigV4Signer;
import io.keywarden.core.sigv4.SignOptions;
import io.keywarden.core.sigv4.SignableRequest;
import io.keywarden.core.sigv4.SigningCredentials;
import io.keywarden.sdk.auth.CredentialsProvider;
import io.keywarden.sdk.exception.CredentialsException;
import io.keywarden.sdk.exception.InvalidClientTokenIdException;
import io.keywarden.sdk.exception.KeywardenClientException;
import io.keywarden.sdk.exception.KeywardenServiceException;

import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends {@link ApiRequest}s: resolves credentials and signs each attempt afresh (new date, current credentials),
 * sends it with the JDK's HTTP client and retries with back-off when that is safe.
 *
 * <p>Retry policy. Retried, for every method: a {@code Throttling} answer or HTTP 429, HTTP 503, and a connection
 * that could not be established (nothing was sent). Retried only for idempotent methods (GET, PUT, PATCH, DELETE):
 * any other HTTP 5xx and any other I/O failure (e.g. a connection reset after the request went out). Never retried:
 * other 4xx answers, a request that timed out waiting for its answer (it may have been applied; retrying would
 * multiply the wait), and anything after {@code maxRetries} retries.
 *
 * <p>Besides: an {@code InvalidClientTokenId} answer is retried once, at once and outside {@code maxRetries}, when
 * the credentials provider answers with other credentials than the refused attempt was signed with (a key rotation
 * swapped them in the meantime).
 */
public final class HttpPipeline implements AutoCloseable {
    public static final String REQUEST_ID_HEADER = "x-amzn-RequestId";

    /** Everything the pipeline needs; validated by the client's builder. */
    public record Config(URI endpoint, String region, CredentialsProvider credentialsProvider, Clock clock,
                         Duration connectTimeout, Duration requestTimeout, int maxRetries, Backoff backoff,
                         Sleeper sleeper, SSLContext sslContext, String userAgent) {
        public Config {
            Objects.requireNonNull(endpoint, "endpoint");
            Objects.requireNonNull(region, "region");
            Objects.requireNonNull(credentialsProvider, "credentialsProvider");
            Objects.requireNonNull(clock, "clock");
            Objects.requireNonNull(connectTimeout, "connectTimeout");
            Objects.requireNonNull(requestTimeout, "requestTimeout");
            Objects.requireNonNull(backoff, "backoff");
            Objects.requireNonNull(sleeper, "sleeper");
            Objects.requireNonNull(userAgent, "userAgent");
        }
    }

    private static final AtomicInteger POOLS = new AtomicInteger();

    private final Config config;
    private final SigV4Signer signer = SigV4Signer.create();
    private final String hostHeader;
    private final String basePath;
    private final String origin;
    private final ExecutorService executor;
    private final HttpClient http;
    private final AtomicBoolean closed = new AtomicBoolean();

    public HttpPipeline(Config config) {
        this.config = config;
        URI endpoint = config.endpoint();
        this.hostHeader = hostHeader(endpoint);
        String path = endpoint.getRawPath() == null ? "" : endpoint.getRawPath();
        this.basePath = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        this.origin = endpoint.getScheme() + "://" + endpoint.getRawAuthority();
        this.executor = Executors.newCachedThreadPool(daemonThreads());
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(config.connectTimeout())
                .executor(executor);
        if (config.sslContext() != null) {
            builder.sslContext(config.sslContext());
        }
        this.http = builder.build();
    }

    /**
     * The {@code Host} header the JDK client sends for {@code endpoint}: the host, plus {@code :port} unless the
     * port is absent or the scheme's default. It is signed, so it must be exactly what goes on the wire.
     */
    static String hostHeader(URI endpoint) {
        int port = endpoint.getPort();
        boolean defaultPort = port == -1
                || ("https".equalsIgnoreCase(endpoint.getScheme()) ? port == 443 : port == 80);
        return defaultPort ? endpoint.getHost() : endpoint.getHost() + ":" + port;
    }

    public Config config() {
        return config;
    }

    /** Sends {@code request} and returns its 2xx answer, or throws. */
    public ApiResponse execute(ApiRequest request) {
        if (closed.get()) {
            throw new IllegalStateException("the client is closed");
        }
        int retries = 0;
        boolean retriedWithNewCredentials = false;
        while (true) {
            RuntimeException failure;
            SigningCredentials credentials = resolveCredentials();
            try {
                return attempt(request, credentials);
            } catch (RetryableFailure e) {
                failure = e.failure;
            } catch (InvalidClientTokenIdException e) {
                // The key was refused. If the provider now answers with other credentials (a rotation swapped the
                // key between signing and answering), the refusal says nothing about them: try them, once. The
                // request was not applied (authentication failed first), so this is safe for every method.
                if (!retriedWithNewCredentials && !credentials.equals(resolveCredentialsQuietly())) {
                    retriedWithNewCredentials = true;
                    continue;
                }
                throw e;
            }
            if (retries >= config.maxRetries()) {
                throw failure;
            }
            pause(request, retries, failure);
            retries++;
        }
    }

    /**
     * Sends {@code request} once, never retried (a sign-in: a retry would be another attempt, counted against the
     * throttle and the lock-out): signed with the provider's credentials, or unsigned when {@code signed} is false
     * (a password sign-in, which needs no credentials).
     */
    public ApiResponse executeOnce(ApiRequest request, boolean signed) {
        if (closed.get()) {
            throw new IllegalStateException("the client is closed");
        }
        try {
            return attempt(request, signed ? resolveCredentials() : null);
        } catch (RetryableFailure e) {
            throw e.failure;
        }
    }

    private ApiResponse attempt(ApiRequest request, SigningCredentials credentials) {
        byte[] body = request.body() == null ? new byte[0] : request.body();
        List<Header> signed = new ArrayList<>(2);
        signed.add(new Header("Host", hostHeader));
        if (request.body() != null) {
            signed.add(new Header("Content-Type", "application/json"));
        }
        String rawPath = basePath + request.path();
        List<Header> signatureHeaders = credentials == null ? List.of() : signer.sign(new SignableRequest(
                        request.method(), rawPath, request.rawQuery(), signed, body), credentials, config.region(),
                request.service(), config.clock().instant(), SignOptions.defaults()).headersToAdd();

        URI uri = URI.create(origin + rawPath + (request.rawQuery().isEmpty() ? "" : "?" + request.rawQuery()));
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(config.requestTimeout())
                .header("Accept", "application/json")
                .header("User-Agent", config.userAgent());
        switch (request.method()) {
            case "GET" -> builder.GET();
            case "DELETE" -> builder.DELETE();
            default -> builder.method(request.method(), request.body() == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
        }
        if (request.body() != null) {
            builder.header("Content-Type", "application/json");
        }
        for (Header header : signatureHeaders) {
            builder.header(header.name(), header.value());
        }

        HttpResponse<byte[]> response;
        try {
            response = http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpConnectTimeoutException e) {
            throw new RetryableFailure(new KeywardenClientException("could not connect to " + origin + " within "
                    + config.connectTimeout() + " (" + request.describe() + ")", e));
        } catch (HttpTimeoutException e) {
            throw new KeywardenClientException("no answer to " + request.describe() + " from " + origin + " within "
                    + config.requestTimeout() + "; the request may or may not have been applied", e);
        } catch (ConnectException e) {
            throw new RetryableFailure(new KeywardenClientException("could not connect to " + origin + " ("
                    + request.describe() + "): " + e.getMessage(), e));
        } catch (IOException e) {
            KeywardenClientException failure = new KeywardenClientException("the connection to " + origin
                    + " failed during " + request.describe() + ": " + e, e);
            if (request.idempotent()) {
                throw new RetryableFailure(failure);
            }
            throw failure;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KeywardenClientException("interrupted while waiting for the answer to " + request.describe(), e);
        }

        int status = response.statusCode();
        String requestId = response.headers().firstValue(REQUEST_ID_HEADER).orElse(null);
        if (status >= 200 && status < 300) {
            return new ApiResponse(status, requestId, response.body(), response.headers().map());
        }
        KeywardenServiceException error = ServiceErrors.fromAnswer(status, requestId, response.body());
        if (isRetryable(request, error)) {
            throw new RetryableFailure(error);
        }
        throw error;
    }

    static boolean isRetryable(ApiRequest request, KeywardenServiceException error) {
        if (error.isThrottling() || error.statusCode() == 503) {
            return true;
        }
        return error.isServerError() && request.idempotent();
    }

    private SigningCredentials resolveCredentials() {
        SigningCredentials credentials;
        try {
            credentials = config.credentialsProvider().resolveCredentials();
        } catch (CredentialsException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new CredentialsException("the credentials provider " + config.credentialsProvider()
                    + " failed: " + e.getMessage(), e);
        }
        if (credentials == null) {
            throw new CredentialsException("the credentials provider " + config.credentialsProvider()
                    + " answered with no credentials");
        }
        return credentials;
    }

    /** The provider's current credentials, or {@code null} when it fails now (then there is nothing to retry with). */
    private SigningCredentials resolveCredentialsQuietly() {
        try {
            return resolveCredentials();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private void pause(ApiRequest request, int retry, RuntimeException failure) {
        config.sleeper().pause(config.backoff().delay(retry), e -> {
            KeywardenClientException interrupted = new KeywardenClientException(
                    "interrupted while waiting to retry " + request.describe(), e);
            interrupted.addSuppressed(failure);
            return interrupted;
        });
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            executor.shutdownNow();
        }
    }

    public boolean isClosed() {
        return closed.get();
    }

    private static ThreadFactory daemonThreads() {
        int pool = POOLS.incrementAndGet();
        AtomicInteger threads = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "keywarden-sdk-" + pool + "-http-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Carries a failure that may be retried out of {@link #attempt}. */
    private static final class RetryableFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient RuntimeException failure;

        RetryableFailure(RuntimeException failure) {
            super(null, null, false, false);
            this.failure = failure;
        }
    }
}
