package io.keywarden.server.http;

import io.keywarden.core.auth.Caller;
import io.keywarden.core.error.ErrorCode;
import io.keywarden.core.error.KeywardenException;
import io.keywarden.core.error.SignInRefused;
import io.keywarden.core.operation.Catalogue;
import io.keywarden.core.operation.Requests;
import io.keywarden.core.operation.Results;
import io.keywarden.core.operation.SignInHandler.Requester;
import io.keywarden.core.password.Password;
import io.keywarden.server.auth.AuditingAuthorizer;
import io.keywarden.server.http.dto.ConsoleSessionDto;
import io.keywarden.server.http.dto.ConsoleSignInBody;
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
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The web console's sign-in and sign-out (docs/console.md): the catalogue's {@code ConsoleLogin} and
 * {@code ConsoleSignOut}, performed and recorded through {@link OperationCalls} like every operation. A thin adapter:
 * the sign-in's answer as JSON, its refusals with the one generic message (429 and {@code Retry-After} when
 * throttled), and the reason of a refusal to the decision log only.
 */
@Controller("/v1/console")
@Tag(name = "console")
public class ConsoleController {
    private static final Logger DECISIONS = LoggerFactory.getLogger(AuditingAuthorizer.LOGGER);

    private final OperationCalls calls;

    public ConsoleController(OperationCalls calls) {
        this.calls = calls;
    }

    /**
     * ConsoleLogin: signs in to the console, unsigned with {@code {"account","userName","password"}}, or signed (SigV4)
     * with a long-term access key and the body {@code {}}. Answers a console session: temporary credentials of the
     * principal (12 h for a user, 1 h for root by default) that may call IAM without MFA. Every failure is the same
     * {@code AccessDenied} "Your authentication information is incorrect. Please try again."; too many attempts
     * {@code Throttling} (429) with {@code Retry-After}. Recorded as {@code ConsoleLogin} (signin.amazonaws.com).
     *
     * @return the session's credentials, shown this once
     */
    @Operation(operationId = "ConsoleLogin", security = {})
    @ApiResponse(responseCode = "200", description = "Signed in.",
            content = @Content(schema = @Schema(implementation = ConsoleSessionDto.class)))
    @ApiResponse(responseCode = "403", description = "The sign-in failed (one message whatever the reason).",
            content = @Content(schema = @Schema(implementation = ErrorDto.class)))
    @ApiResponse(responseCode = "429", description = "Too many attempts; see Retry-After.",
            content = @Content(schema = @Schema(implementation = ErrorDto.class)))
    @Post("/sign-in")
    public CompletableFuture<MutableHttpResponse<?>> signIn(HttpRequest<?> http, @ApiDocs.Hidden Requester requester,
                                                            @Nullable @Body ConsoleSignInBody body) {
        return calls.signIn(http, requester, Catalogue.CONSOLE_LOGIN, () -> new Requests.ConsoleLogin(
                        body == null ? null : body.account(), body == null ? null : body.userName(),
                        body == null || body.password() == null ? null
                                : Password.given(body.password().toCharArray())), 200)
                .<MutableHttpResponse<?>>thenApply(session -> {
                    decision(http, "Success", "");
                    return HttpResponse.ok(dto(session));
                })
                .exceptionally(e -> refusal(http, e));
    }

    /**
     * ConsoleSignOut: revokes the console session that signs this request, on every node, until it would have
     * expired. Signed by the console session itself; any other credentials are {@code AccessDenied}.
     */
    @Operation(operationId = "ConsoleSignOut")
    @ApiDocs.SignedCall
    @ApiResponse(responseCode = "204", description = "Signed out: the session's credentials are refused from now on.")
    @Post("/sign-out")
    public CompletableFuture<HttpResponse<?>> signOut(HttpRequest<?> http, @ApiDocs.Hidden Caller caller) {
        return calls.call(http, caller, Catalogue.CONSOLE_SIGN_OUT, Requests.ConsoleSignOut::new, 204)
                .thenApply(r -> HttpResponse.noContent());
    }

    private static ConsoleSessionDto dto(Results.ConsoleSession s) {
        Results.ConsolePrincipal p = s.principal();
        return new ConsoleSessionDto(StsController.credentials(s.credentials()),
                new ConsoleSessionDto.Principal(p.arn(), p.accountId(), p.userName(), p.type()),
                s.passwordResetRequired());
    }

    /** A refused sign-in: the one message (429 and Retry-After when throttled); anything else as it is. */
    private static MutableHttpResponse<?> refusal(HttpRequest<?> http, Throwable e) {
        Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
        if (cause instanceof SignInRefused r) {
            decision(http, "Failure", "reason=\"" + r.reason() + "\""
                    + r.retryAfter().map(d -> " retryAfter=" + d).orElse(""));
            if (r.retryAfter().isEmpty()) {
                return ErrorResponses.of(http, ErrorCode.ACCESS_DENIED, SignInRefused.GENERIC_FAILURE);
            }
            String requestId = RequestIds.of(http);
            http.setAttribute(ErrorResponses.CODE_ATTRIBUTE, ErrorCode.THROTTLING);
            http.setAttribute(ErrorResponses.MESSAGE_ATTRIBUTE, SignInRefused.GENERIC_FAILURE);
            MutableHttpResponse<Object> response = HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS);
            response.body(new ErrorDto(ErrorCode.THROTTLING.code(), SignInRefused.GENERIC_FAILURE, requestId))
                    .contentType(MediaType.APPLICATION_JSON_TYPE);
            response.getHeaders().set(HttpHeaders.RETRY_AFTER,
                    Long.toString(Math.max(1, r.retryAfter().get().toSeconds())));
            response.getHeaders().set(RequestIds.HEADER, requestId);
            return response;
        }
        decision(http, "Failure", "");
        if (cause instanceof KeywardenException k) {
            return ErrorResponses.of(http, k.errorCode(), k.getMessage());
        }
        return ErrorResponses.of(http, ErrorCode.INTERNAL_FAILURE, "We encountered an internal error. Please try again.");
    }

    private static void decision(HttpRequest<?> http, String outcome, String reason) {
        if (DECISIONS.isInfoEnabled()) {
            DECISIONS.info("requestId={} event=ConsoleLogin outcome={} {}", RequestIds.of(http), outcome, reason);
        }
    }
}
