package io.keywarden.server.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.keywarden.core.audit.AuditRecord;
import io.keywarden.core.audit.SecretRedaction;
import io.keywarden.core.auth.Caller;
import io.keywarden.core.error.ErrorCode;
import io.keywarden.core.identity.Account;
import io.keywarden.core.identity.Principal;
import io.keywarden.server.auth.RequestAuthenticator;
import io.keywarden.server.auth.SigV4AuthFilter;
import io.keywarden.server.config.KeywardenConfig;
import io.keywarden.server.http.ErrorResponses;
import io.keywarden.server.http.RequestIds;
import io.keywarden.server.http.dto.ErrorDto;
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
import io.micronaut.json.JsonMapper;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.RouteMatch;
import io.micronaut.web.router.UriRouteMatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Records every API call in the audit trail (SPEC §7), allowed or denied, on both faces, including calls refused by
 * authentication: it runs outside every other filter (after the request ID is assigned), and on the way out reads
 * the caller the authentication filter left on the request, the route, the parameters and the answer. Secrets are
 * removed ({@link SecretRedaction}); the SigV4 parameters and headers are never recorded.
 *
 * <p>A call that may change something is answered only once its event is committed ({@link AuditWriter#write});
 * if it cannot be, the answer is a 500 instead of an acknowledgement without an event. Reads are recorded without
 * waiting (unless the trail lags: {@link AuditWriter#submit}); with {@code keywarden.audit.successful-reads=false}
 * reads that succeeded are not recorded. Also counts requests by operation and outcome, and authentication failures
 * by reason (Micrometer).
 * {@code GET /health}, {@code /ping}, {@code /openapi.yml} and {@code /prometheus} are not API calls and not recorded.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class AuditFilter implements Ordered {
    /** After {@link io.keywarden.server.http.RequestIdFilter}, before the authentication filter. */
    public static final int ORDER = -1500;
    private static final Logger LOG = LoggerFactory.getLogger(AuditFilter.class);
    private static final String START = "keywarden.audit.start";
    private static final int MAX_PARSED_BODY = 64 * 1024;
    private static final Set<String> AUTH_FAILURES = Set.of(ErrorCode.INVALID_CLIENT_TOKEN_ID.code(),
            ErrorCode.SIGNATURE_DOES_NOT_MATCH.code(), ErrorCode.INCOMPLETE_SIGNATURE.code(),
            ErrorCode.MISSING_AUTHENTICATION_TOKEN.code(), ErrorCode.EXPIRED_TOKEN.code());

    private final AuditWriter writer;
    private final boolean recordSuccessfulReads;
    private final Account account;
    private final Clock clock;
    private final JsonMapper jsonMapper;
    private final MeterRegistry registry;
    private final Map<String, Timer> timers = new ConcurrentHashMap<>();
    private final Map<String, Counter> authFailures = new ConcurrentHashMap<>();

    public AuditFilter(AuditWriter writer, Account account, Clock clock, JsonMapper jsonMapper, MeterRegistry registry,
                       KeywardenConfig.Audit config) {
        this.writer = writer;
        this.recordSuccessfulReads = config.isSuccessfulReads();
        this.account = account;
        this.clock = clock;
        this.jsonMapper = jsonMapper;
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
        AuditRecord record;
        try {
            record = capture(request, response);
        } catch (RuntimeException e) {
            // never let the trail's own bug turn an answer into something else, but never lose it silently
            LOG.error("could not build the audit event of request {}", RequestIds.of(request), e);
            return failed(request);
        }
        measure(request, record);
        CompletableFuture<Void> written;
        if (record.readOnly()) {
            if (record.succeeded() && !recordSuccessfulReads) {
                return CompletableFuture.completedFuture(response);
            }
            written = writer.submit(record);
            if (written.isDone() && !written.isCompletedExceptionally()) {
                return CompletableFuture.completedFuture(response);
            }
        } else {
            written = writer.write(record);
        }
        return written.<MutableHttpResponse<?>>thenApply(v -> response).exceptionally(e -> {
            LOG.error("request {} ({}) was not acknowledged: its audit event could not be written: {}",
                    record.requestId(), record.eventName(), e.toString());
            return ErrorResponses.of(request, ErrorCode.SERVICE_FAILURE,
                    "the call could not be recorded in the audit trail; check whether it took effect");
        });
    }

    private static CompletableFuture<MutableHttpResponse<?>> failed(HttpRequest<?> request) {
        return CompletableFuture.completedFuture(ErrorResponses.of(request, ErrorCode.INTERNAL_FAILURE,
                "We encountered an internal error. Please try again."));
    }

    AuditRecord capture(HttpRequest<?> request, MutableHttpResponse<?> response) {
        Caller caller = request.getAttribute(RequestAuthenticator.CALLER_ATTRIBUTE, Caller.class).orElse(null);
        int status = response.code();
        Object body = response.getBody().orElse(null);

        String eventName;
        boolean readOnly;
        ObjectNode params = JsonNodeFactory.instance.objectNode();
        String path = request.getUri().getRawPath() == null ? "" : request.getUri().getRawPath();
        Optional<RouteMatch<?>> route = RouteAttributes.getRouteMatch(request);
        boolean queryFace = path.equals("/");
        if (queryFace) {
            Map<String, String> form = queryFaceParameters(request);
            eventName = form.getOrDefault("Action", AuditEventNames.UNKNOWN);
            readOnly = AuditEventNames.readOnly(eventName);
            form.forEach((k, v) -> {
                if (!k.equals("Action") && !k.equals("Version") && !k.regionMatches(true, 0, "X-Amz-", 0, 6)) {
                    params.put(k, v);
                }
            });
        } else if (route.isPresent() && route.get() instanceof UriRouteMatch<?, ?> match) {
            String template = match.getRouteInfo().getUriMatchTemplate().toString();
            eventName = AuditEventNames.forRoute(request.getMethodName(), template);
            readOnly = AuditEventNames.names(request.getMethodName(), template) ? AuditEventNames.readOnly(eventName)
                    : request.getMethod() == HttpMethod.GET || request.getMethod() == HttpMethod.HEAD;
            match.getVariableValues().forEach((k, v) -> params.put(k, String.valueOf(v)));
            request.getParameters().forEach((k, values) -> {
                if (!k.regionMatches(true, 0, "X-Amz-", 0, 6) && !values.isEmpty()) {
                    params.put(k, values.get(0));
                }
            });
            JsonNode json = jsonBody(request);
            if (json != null && json.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    params.set(e.getKey(), e.getValue());
                }
            }
        } else {
            eventName = AuditEventNames.UNKNOWN;
            readOnly = request.getMethod() == HttpMethod.GET || request.getMethod() == HttpMethod.HEAD;
            params.put("httpMethod", request.getMethodName());
            params.put("path", path.length() > 512 ? path.substring(0, 512) : path);
        }

        String errorCode = null;
        String errorMessage = null;
        String responseElements = null;
        if (status >= 400) {
            if (body instanceof ErrorDto dto) {
                errorCode = dto.code();
                errorMessage = dto.message();
            } else if (body instanceof CharSequence xml) {
                errorCode = XmlElements.errorCode(xml.toString());
                errorMessage = XmlElements.errorMessage(xml.toString());
            }
            if (errorCode == null) {
                errorCode = "Http" + status;
            }
        } else if (!readOnly && body != null) {
            responseElements = SecretRedaction.toJson(responseJson(body));
        }

        String principalType = "Unknown";
        String principalArn = null;
        String principalId = null;
        String userName = null;
        String accessKeyId;
        String sourceIp;
        String userAgent;
        if (caller != null) {
            Principal p = caller.principal();
            principalType = p.isRoot() ? "Root" : "IAMUser";
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
        return new AuditRecord(RequestIds.newId(), clock.instant(), account.id().value(),
                AuditEventNames.source(eventName), eventName, readOnly, principalType, principalArn, principalId,
                userName, accessKeyId, sourceIp, userAgent, params.isEmpty() ? null : SecretRedaction.toJson(params),
                responseElements, errorCode, errorMessage, RequestIds.of(request), status);
    }

    private void measure(HttpRequest<?> request, AuditRecord record) {
        Long start = request.getAttribute(START, Long.class).orElse(null);
        String outcome = record.succeeded() ? "Success" : record.errorCode();
        boolean known = record.succeeded() || !(ErrorCode.INVALID_ACTION.code().equals(record.errorCode())
                || ErrorCode.MISSING_ACTION.code().equals(record.errorCode())
                || ErrorCode.NOT_FOUND.code().equals(record.errorCode())
                || ErrorCode.METHOD_NOT_ALLOWED.code().equals(record.errorCode()));
        // operation names from unknown routes or actions come from the client: keep them out of the tags
        String operation = known && !record.eventName().contains(" ") ? record.eventName() : AuditEventNames.UNKNOWN;
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

    private JsonNode responseJson(Object body) {
        if (body instanceof CharSequence text) {
            String s = text.toString();
            return s.startsWith("<") ? XmlElements.result(s) : null;
        }
        try {
            return SecretRedaction.parse(new String(jsonMapper.writeValueAsBytes(body), StandardCharsets.UTF_8));
        } catch (Exception e) {
            return null;
        }
    }

    private static JsonNode jsonBody(HttpRequest<?> request) {
        byte[] bytes = request.getAttribute(SigV4AuthFilter.BODY_ATTRIBUTE, byte[].class).orElse(null);
        if (bytes == null || bytes.length == 0) {
            return null;
        }
        if (bytes.length > MAX_PARSED_BODY) {
            return JsonNodeFactory.instance.objectNode().put("keywardenBodyBytes", bytes.length);
        }
        try {
            return SecretRedaction.parse(new String(bytes, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The Query face's parameters, decoded as the face decodes them (query string and form-encoded body). */
    private static Map<String, String> queryFaceParameters(HttpRequest<?> request) {
        byte[] bytes = request.getAttribute(SigV4AuthFilter.BODY_ATTRIBUTE, byte[].class).orElse(null);
        boolean form = request.getContentType().map(t -> t.getName().equals(MediaType.APPLICATION_FORM_URLENCODED))
                .orElse(false);
        try {
            return QueryForm.decode(request.getUri().getRawQuery(),
                    form && bytes != null && bytes.length <= MAX_PARSED_BODY ? bytes : null);
        } catch (RuntimeException e) {
            return Map.of(); // malformed: the face refused it too
        }
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
