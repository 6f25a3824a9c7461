package io.keywarden.server.http;

import io.keywarden.core.audit.AuditRecord;
import io.keywarden.core.audit.EventJson;
import io.keywarden.core.auth.Caller;
import io.keywarden.core.error.ErrorCode;
import io.keywarden.core.identity.Account;
import io.keywarden.core.identity.Principal;
import io.keywarden.core.operation.Catalogue;
import io.keywarden.core.operation.Operation;
import io.keywarden.core.operation.Service;
import io.keywarden.server.auth.RequestAuthenticator;
import io.keywarden.server.audit.AuditWriter;
import io.keywarden.server.audit.AuthFailureAggregator;
import io.keywarden.server.auth.SigV4AuthFilter;
import io.keywarden.server.query.QueryForm;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Records in the audit trail what never reaches an operation (SPEC §7: every call, allowed or denied): requests
 * refused by authentication, unknown routes and actions, malformed requests. Calls that reach an operation are
 * recorded by the operation itself ({@link OperationCalls}), with their typed parameters and results; this filter
 * then only measures them. Runs outside every other filter (after the request ID is assigned).
 *
 * <p>Its own events are small and fixed in shape: the operation's name when the route or the {@code Action} names one
 * ({@code UnknownOperation} otherwise), the principal when known or the claimed key ID, the source, the error, and for
 * an unknown route its method and path — never the request's parameters, which nobody vouched for. A change's event is
 * committed before the answer leaves; if it cannot be, the answer is a 500 instead. Requests refused before anyone
 * was authenticated are never waited for, and past the first few per source and window they are only counted into a
 * summary event ({@link AuthFailureAggregator}). Also counts requests by
 * operation and outcome, and authentication failures by reason (Micrometer). {@code GET /health}, {@code /ping},
 * {@code /openapi.yml} and {@code /prometheus} are not API calls and not recorded.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class AuditFilter implements Ordered {
    /** After {@link io.keywarden.server.http.RequestIdFilter}, before the authentication filter. */
    public static final int ORDER = -1500;
    static final String UNKNOWN = "UnknownOperation";
    private static final Logger LOG = LoggerFactory.getLogger(AuditFilter.class);
    private static final String START = "keywarden.audit.start";
    private static final int MAX_PARSED_BODY = 64 * 1024;
    private static final Set<String> AUTH_FAILURES = Set.of(ErrorCode.INVALID_CLIENT_TOKEN_ID.code(),
            ErrorCode.SIGNATURE_DOES_NOT_MATCH.code(), ErrorCode.INCOMPLETE_SIGNATURE.code(),
            ErrorCode.MISSING_AUTHENTICATION_TOKEN.code(), ErrorCode.EXPIRED_TOKEN.code());

    private final AuditWriter writer;
    private final Account account;
    private final Clock clock;
    private final MeterRegistry registry;
    private final RouteOperations routes;
    private final AuthFailureAggregator refusals;
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();
    private final Map<String, Counter> authFailures = new ConcurrentHashMap<>();

    public AuditFilter(AuditWriter writer, Account account, Clock clock, MeterRegistry registry,
                       RouteOperations routes, AuthFailureAggregator refusals) {
        this.writer = writer;
        this.refusals = refusals;
        this.routes = routes;
        this.account = account;
        this.clock = clock;
        this.registry = registry;
    }

    @RequestFilter
    public void start(HttpRequest<?> request) {
        request.setAttribute(START, System.nanoTime());
    }

    @ResponseFilter
    public CompletableFuture<MutableHttpResponse<?>> record(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (SigV4AuthFilter.isPublic(request)) {
            return CompletableFuture.completedFuture(response);
        }
        Optional<AuditRecord> recorded = request.getAttribute(OperationCalls.EVENT_ATTRIBUTE, AuditRecord.class);
        if (recorded.isPresent()) {
            measure(request, recorded.get());
            return CompletableFuture.completedFuture(response);
        }
        AuditRecord record;
        try {
            record = capture(request, response);
        } catch (RuntimeException e) {
            // never let the trail's own bug turn an answer into something else, but never lose it silently
            LOG.error("could not build the audit event of request {}", RequestIds.of(request), e);
            return CompletableFuture.completedFuture(ErrorResponses.of(request, ErrorCode.INTERNAL_FAILURE,
                    "We encountered an internal error. Please try again."));
        }
        measure(request, record);
        CompletableFuture<Void> written;
        if (refusedUnauthenticated(request, record)) {
            // nothing was done and nobody vouched for the request: never waited for, and past the first few per
            // source and window only counted into a summary, so a flood neither grows the trail nor delays changes
            if (!refusals.admit(record.sourceIp(), record.errorCode())) {
                return CompletableFuture.completedFuture(response);
            }
            written = writer.submit(record);
        } else {
            written = record.readOnly() ? writer.submit(record) : writer.write(record);
        }
        if (written.isDone() && !written.isCompletedExceptionally()) {
            return CompletableFuture.completedFuture(response);
        }
        return written.<MutableHttpResponse<?>>thenApply(v -> response).exceptionally(e -> {
            LOG.error("request {} ({}) was not acknowledged: its audit event could not be written: {}",
                    record.requestId(), record.eventName(), e.toString());
            return ErrorResponses.of(request, ErrorCode.SERVICE_FAILURE,
                    "the call could not be recorded in the audit trail; check whether it took effect");
        });
    }

    /** A request refused before anyone was authenticated (no caller): the kind a flood is made of. */
    private static boolean refusedUnauthenticated(HttpRequest<?> request, AuditRecord record) {
        return !record.succeeded() && record.principalArn() == null
                && request.getAttribute(RequestAuthenticator.CALLER_ATTRIBUTE, Caller.class).isEmpty();
    }

    /** The event of a request that reached no operation. */
    AuditRecord capture(HttpRequest<?> request, MutableHttpResponse<?> response) {
        Caller caller = request.getAttribute(RequestAuthenticator.CALLER_ATTRIBUTE, Caller.class).orElse(null);
        Optional<Operation<?, ?>> operation = operationOf(request);
        String eventName = operation.map(Operation::name).orElse(UNKNOWN);
        boolean readOnly = operation.map(Operation::readOnly)
                .orElse(request.getMethod() == HttpMethod.GET || request.getMethod() == HttpMethod.HEAD);
        String eventSource = operation.map(op -> op.service().eventSource()).orElse(Service.IAM.eventSource());
        String params = null;
        if (operation.isEmpty() && !QueryFace.handles(request)) {
            String path = request.getUri().getRawPath() == null ? "" : request.getUri().getRawPath();
            params = EventJson.write(new UnknownRoute(request.getMethodName(),
                    path.length() > 512 ? path.substring(0, 512) : path));
        }
        int status = response.code();
        String errorCode = request.getAttribute(ErrorResponses.CODE_ATTRIBUTE, ErrorCode.class).map(ErrorCode::code)
                .orElse(status >= 400 ? "Http" + status : null);
        String errorMessage = request.getAttribute(ErrorResponses.MESSAGE_ATTRIBUTE, String.class).orElse(null);

        String principalType = "Unknown";
        String principalArn = null;
        String principalId = null;
        String userName = null;
        String accessKeyId;
        String sourceIp;
        String userAgent;
        if (caller != null) {
            Principal p = caller.principal();
            principalType = p.identityType();
            principalArn = p.arn();
            principalId = p.userId();
            userName = p.user().map(u -> u.userName().value()).orElse(null);
            accessKeyId = caller.accessKeyId();
            sourceIp = caller.sourceIp();
            userAgent = caller.userAgent();
        } else {
            accessKeyId = claimedAccessKeyId(request);
            sourceIp = sourceIp(request);
            userAgent = request.getHeaders().get(HttpHeaders.USER_AGENT);
        }
        return new AuditRecord(RequestIds.newId(), clock.instant(), account.id().value(), eventSource, eventName,
                readOnly, principalType, principalArn, principalId, userName, accessKeyId, sourceIp, userAgent, params,
                null, status >= 400 ? errorCode : null, status >= 400 ? errorMessage : null, RequestIds.of(request),
                status);
    }

    /**
     * The operation the request names: the one the face resolved, else the REST route's (its {@code operationId}),
     * else for the AWS faces the {@code X-Amz-Target} (JSON 1.1) or the {@code Action} (Query) of a request that never
     * reached the face (refused by authentication).
     */
    @SuppressWarnings("unchecked")
    private Optional<Operation<?, ?>> operationOf(HttpRequest<?> request) {
        Optional<Operation> resolved = request.getAttribute(OperationCalls.OPERATION_ATTRIBUTE, Operation.class);
        if (resolved.isPresent()) {
            return Optional.of(resolved.get());
        }
        if (JsonFace.handles(request)) {
            return Catalogue.jsonTarget(JsonFace.target(request));
        }
        if (QueryFace.handles(request)) {
            return Catalogue.queryAction(queryFaceParameters(request).get("Action"));
        }
        return routes.of(request);
    }

    private void measure(HttpRequest<?> request, AuditRecord record) {
        Long start = request.getAttribute(START, Long.class).orElse(null);
        String outcome = record.succeeded() ? "Success" : record.errorCode();
        // operation names are the catalogue's (UnknownOperation for anything else): never a client's text
        String operation = record.eventName();
        if (start != null) {
            timers.computeIfAbsent(operation + "|" + outcome, k -> Timer.builder("keywarden.requests")
                    .description("API calls by operation and outcome (Success or the error code)")
                    .tag("operation", operation).tag("outcome", outcome)
                    .publishPercentileHistogram(false)
                    .register(registry)).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }
        if (!record.succeeded() && record.principalArn() == null && AUTH_FAILURES.contains(record.errorCode())) {
            authFailures.computeIfAbsent(record.errorCode(), reason -> Counter.builder("keywarden.auth.failures")
                    .description("requests refused by authentication, by reason").tag("reason", reason)
                    .register(registry)).increment();
        }
    }

    /**
     * The Query face's parameters of a request the face never saw (authentication refused it), decoded as the face
     * decodes them; empty when malformed.
     */
    private static Map<String, String> queryFaceParameters(HttpRequest<?> request) {
        byte[] bytes = request.getAttribute(SigV4AuthFilter.BODY_ATTRIBUTE, byte[].class).orElse(null);
        boolean form = request.getContentType().map(t -> t.getName().equals(MediaType.APPLICATION_FORM_URLENCODED))
                .orElse(false);
        try {
            return QueryForm.decode(request.getUri().getRawQuery(),
                    form && bytes != null && bytes.length <= MAX_PARSED_BODY ? bytes : null);
        } catch (RuntimeException e) {
            return Map.of();
        }
    }

    /** What an event records of a request for a route the server does not have. */
    private record UnknownRoute(String httpMethod, String path) {
    }

    /** The key ID a refused request claimed, from the Authorization header or the presigned query. */
    private static String claimedAccessKeyId(HttpRequest<?> request) {
        String auth = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        String credential = null;
        if (auth != null) {
            int i = auth.indexOf("Credential=");
            if (i >= 0) {
                credential = auth.substring(i + "Credential=".length());
            }
        } else {
            credential = request.getParameters().get("X-Amz-Credential");
        }
        if (credential == null) {
            return null;
        }
        int slash = credential.indexOf('/');
        String id = slash < 0 ? credential : credential.substring(0, slash);
        return id.matches("[A-Za-z0-9]{1,128}") ? id : null;
    }

    private static String sourceIp(HttpRequest<?> request) {
        InetSocketAddress remote = request.getRemoteAddress();
        if (remote == null) {
            return null;
        }
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
