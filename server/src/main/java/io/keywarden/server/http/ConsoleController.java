package io.keywarden.server.http;

import io.keywarden.core.audit.AuditRecord;
import io.keywarden.core.auth.Caller;
import io.keywarden.core.error.ErrorCode;
import io.keywarden.core.identity.Account;
import io.keywarden.core.identity.Principal;
import io.keywarden.core.session.Session;
import io.keywarden.core.session.SessionKind;
import io.keywarden.core.session.SessionRevocations;
import io.keywarden.core.signin.ConsoleSignIn;
import io.keywarden.server.audit.AuditWriter;
import io.keywarden.server.auth.AuditingAuthorizer;
import io.keywarden.server.auth.RequestAuthenticator;
import io.keywarden.server.auth.SigV4AuthFilter;
import io.keywarden.server.http.dto.ConsoleSessionDto;
import io.keywarden.server.http.dto.ConsoleSignInBody;
import io.keywarden.server.http.dto.CredentialsDto;
import io.keywarden.server.http.dto.ErrorDto;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.time.Clock;

/**
 * The web console's sign-in and sign-out (docs/console.md). A thin adapter: {@link ConsoleSignIn} decides, this turns
 * its answer into JSON, writes the {@code ConsoleLogin} event (committed before the credentials leave) and logs the
 * reason of a refusal to the decision log only. Every refusal gets the same message.
 */
@Controller("/v1/console")
@Tag(name = "console")
@ExecuteOn(TaskExecutors.BLOCKING)
public class ConsoleController {
    private static final Logger DECISIONS = LoggerFactory.getLogger(AuditingAuthorizer.LOGGER);
    static final String NOT_A_CONSOLE_SESSION = "only a console session can sign out";

    private final ConsoleSignIn signIn;
    private final SessionRevocations revocations;
    private final AuditWriter audit;
    private final Account account;
    private final Clock clock;

    public ConsoleController(ConsoleSignIn signIn, SessionRevocations revocations, AuditWriter audit,
                             Account account, Clock clock) {
        this.signIn = signIn;
        this.revocations = revocations;
        this.audit = audit;
        this.account = account;
        this.clock = clock;
    }

    /**
     * Signs in to the console: unsigned with {@code {"account","userName","password"}}, or signed (SigV4) with a
     * long-term access key and the body {@code {}}. Answers a console session: temporary credentials of the principal
     * (12 h for a user, 1 h for root by default) that may call IAM without MFA. Every failure is the same
     * {@code AccessDenied} "Your authentication information is incorrect. Please try again."; too many attempts
     * {@code Throttling} (429) with {@code Retry-After}. Recorded as {@code ConsoleLogin} (signin.amazonaws.com).
     *
     * @return the session's credentials, shown this once
     */
    @Operation(operationId = "ConsoleSignIn", security = {})
    @ApiResponse(responseCode = "200", description = "Signed in.",
            content = @Content(schema = @Schema(implementation = ConsoleSessionDto.class)))
    @ApiResponse(responseCode = "403", description = "The sign-in failed (one message whatever the reason).",
            content = @Content(schema = @Schema(implementation = ErrorDto.class)))
    @ApiResponse(responseCode = "429", description = "Too many attempts; see Retry-After.",
            content = @Content(schema = @Schema(implementation = ErrorDto.class)))
    @Post("/sign-in")
    public MutableHttpResponse<?> signIn(HttpRequest<?> http, @Nullable @Body ConsoleSignInBody body) {
        String sourceIp = sourceIp(http);
        String refused = http.getAttribute(SigV4AuthFilter.SIGN_IN_REFUSED_ATTRIBUTE, String.class).orElse(null);
        Caller caller = http.getAttribute(RequestAuthenticator.CALLER_ATTRIBUTE, Caller.class).orElse(null);
        ConsoleSignIn.Attempt attempt;
        if (refused != null) {
            attempt = new ConsoleSignIn.Failed("access key refused: " + refused, null);
        } else if (caller != null) {
            attempt = signIn.withAccessKey(caller);
        } else if (body == null || body.password() == null) {
            attempt = new ConsoleSignIn.Failed("no password given", null);
        } else {
            attempt = signIn.withPassword(body.account(), body.userName(), body.password().toCharArray(), sourceIp);
        }
        String requestId = RequestIds.of(http);
        AuditRecord event = ConsoleSignIn.event(attempt, account.id(), RequestIds.newId(), clock.instant(), requestId,
                sourceIp, http.getHeaders().get(HttpHeaders.USER_AGENT));
        http.setAttribute(OperationCalls.EVENT_ATTRIBUTE, event);
        if (DECISIONS.isInfoEnabled()) {
            DECISIONS.info("requestId={} event=ConsoleLogin outcome={} {}", requestId,
                    attempt instanceof ConsoleSignIn.SignedIn ? "Success" : "Failure", reason(attempt));
        }
        try {
            audit.write(event).join();
        } catch (RuntimeException e) {
            return ErrorResponses.of(http, ErrorCode.SERVICE_FAILURE,
                    "the sign-in could not be recorded in the audit trail; try again");
        }
        if (attempt instanceof ConsoleSignIn.SignedIn s) {
            Session session = s.issued().session();
            Principal p = session.principal();
            return HttpResponse.ok(new ConsoleSessionDto(
                    new CredentialsDto(session.accessKeyId(), s.issued().secret().reveal(),
                            s.issued().token().reveal(), Wire.date(session.expiresAt())),
                    new ConsoleSessionDto.Principal(p.arn(), p.accountId().value(),
                            p.user().map(u -> u.userName().value()).orElse(null), p.identityType()),
                    s.passwordResetRequired()));
        }
        if (attempt instanceof ConsoleSignIn.Throttled t) {
            MutableHttpResponse<Object> response = HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS);
            response.body(new ErrorDto(ErrorCode.THROTTLING.code(), ConsoleSignIn.GENERIC_FAILURE, requestId))
                    .contentType(MediaType.APPLICATION_JSON_TYPE);
            response.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, t.retryAfter().toSeconds())));
            response.getHeaders().set(RequestIds.HEADER, requestId);
            return response;
        }
        return ErrorResponses.of(http, ErrorCode.ACCESS_DENIED, ConsoleSignIn.GENERIC_FAILURE);
    }

    /**
     * Signs out: revokes the console session that signs this request, on every node, until it would have expired.
     * Signed by the console session itself; any other credentials are {@code AccessDenied}.
     */
    @Operation(operationId = "ConsoleSignOut")
    @ApiDocs.SignedCall
    @ApiResponse(responseCode = "204", description = "Signed out: the session's credentials are refused from now on.")
    @Post("/sign-out")
    public MutableHttpResponse<?> signOut(HttpRequest<?> http) {
        Caller caller = http.getAttribute(RequestAuthenticator.CALLER_ATTRIBUTE, Caller.class).orElseThrow();
        Session session = caller.session();
        String requestId = RequestIds.of(http);
        boolean console = session != null && session.kind() == SessionKind.CONSOLE;
        if (console) {
            revocations.revoke(session);
        }
        AuditRecord event = ConsoleSignIn.signOutEvent(caller, account.id(), RequestIds.newId(), clock.instant(),
                requestId, console ? 204 : 403, console ? null : ErrorCode.ACCESS_DENIED.code(),
                console ? null : NOT_A_CONSOLE_SESSION);
        http.setAttribute(OperationCalls.EVENT_ATTRIBUTE, event);
        try {
            audit.write(event).join();
        } catch (RuntimeException e) {
            return ErrorResponses.of(http, ErrorCode.SERVICE_FAILURE,
                    "the sign-out could not be recorded in the audit trail; the session is revoked");
        }
        if (!console) {
            return ErrorResponses.of(http, ErrorCode.ACCESS_DENIED, NOT_A_CONSOLE_SESSION);
        }
        return HttpResponse.noContent();
    }

    private static String reason(ConsoleSignIn.Attempt attempt) {
        if (attempt instanceof ConsoleSignIn.Failed f) {
            return "reason=\"" + f.reason() + "\"";
        }
        if (attempt instanceof ConsoleSignIn.Throttled t) {
            return "reason=\"" + t.reason() + "\" retryAfter=" + t.retryAfter();
        }
        return "";
    }

    private static String sourceIp(HttpRequest<?> request) {
        InetSocketAddress remote = request.getRemoteAddress();
        if (remote == null) {
            return "";
        }
        return remote.getAddress() != null ? remote.getAddress().getHostAddress() : remote.getHostString();
    }
}
