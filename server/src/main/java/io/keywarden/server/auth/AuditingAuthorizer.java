package io.keywarden.server.auth;

import io.keywarden.core.auth.Caller;
import io.keywarden.core.authz.AuthorizationRequest;
import io.keywarden.core.authz.AuthorizationResult;
import io.keywarden.core.authz.Authorizer;
import io.keywarden.core.authz.Decision;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Logs authorisation decisions, one JSON object per line, on the logger {@value #LOGGER}: every denial at INFO,
 * allowed requests and simulated decisions at DEBUG. A line holds the decision, the principal's ARN, the access key
 * ID, the action, the resource, the reason (which statements decided, or that none allowed), the deciding statements
 * as {@code policyName/Sid}, any evaluation errors, the source IP and the request ID — never a secret (the caller
 * holds none). Also fails closed: an authorizer that throws denies.
 *
 * <pre>{@code
 * {"decision":"ImplicitDeny","principal":"arn:aws:iam::123456789012:user/alice","accessKeyId":"AKIA…",
 *  "action":"iam:DeleteAccessKey","resource":"arn:aws:iam::123456789012:user/bob",
 *  "reason":"no statement allowed iam:DeleteAccessKey on arn:aws:iam::123456789012:user/bob",
 *  "statements":[],"errors":[],"sourceIp":"203.0.113.7","requestId":"…"}
 * }</pre>
 */
public final class AuditingAuthorizer implements Authorizer {
    public static final String LOGGER = "io.keywarden.audit.decisions";
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);

    private final Authorizer delegate;
    private final Supplier<Optional<String>> requestId;

    /** Decorates {@code delegate}; {@code requestId} names the request being served, if any, for the log line. */
    public AuditingAuthorizer(Authorizer delegate, Supplier<Optional<String>> requestId) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.requestId = Objects.requireNonNull(requestId, "requestId");
    }

    @Override
    public boolean decidesFromMemory(Caller caller) {
        return delegate.decidesFromMemory(caller);
    }

    @Override
    public AuthorizationResult authorize(AuthorizationRequest request) {
        AuthorizationResult result;
        try {
            result = delegate.authorize(request);
        } catch (RuntimeException e) {
            String why = "authorisation failed: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage());
            result = new AuthorizationResult(Decision.EXPLICIT_DENY, why, List.of(), List.of(why));
        }
        if (!result.allowed() && !request.simulated()) {
            if (LOG.isInfoEnabled()) {
                LOG.info(line(request, result));
            }
        } else if (LOG.isDebugEnabled()) {
            LOG.debug(line(request, result));
        }
        return result;
    }

    private String line(AuthorizationRequest request, AuthorizationResult result) {
        Caller caller = request.caller();
        StringBuilder sb = new StringBuilder(384).append('{');
        field(sb, "decision", result.decision().wireName());
        if (request.simulated()) {
            sb.append(",\"simulated\":true");
        }
        field(sb.append(','), "principal", caller.principal().arn());
        field(sb.append(','), "accessKeyId", caller.accessKeyId());
        field(sb.append(','), "action", request.action());
        field(sb.append(','), "resource", request.resource());
        field(sb.append(','), "reason", result.explanation());
        list(sb.append(','), "statements", result.decidingStatements());
        list(sb.append(','), "errors", result.errors());
        field(sb.append(','), "sourceIp", caller.sourceIp());
        Optional<String> id = safeRequestId();
        id.ifPresent(value -> field(sb.append(','), "requestId", value));
        return sb.append('}').toString();
    }

    private Optional<String> safeRequestId() {
        try {
            return requestId.get();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static void field(StringBuilder sb, String name, String value) {
        quote(sb, name);
        sb.append(':');
        quote(sb, value);
    }

    private static void list(StringBuilder sb, String name, List<String> values) {
        quote(sb, name);
        sb.append(":[");
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            quote(sb, values.get(i));
        }
        sb.append(']');
    }

    /** A JSON string; control characters (so line breaks) and non-ASCII are escaped, so a record is one line. */
    static void quote(StringBuilder sb, String value) {
        sb.append('"');
        String s = value == null ? "" : value;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
