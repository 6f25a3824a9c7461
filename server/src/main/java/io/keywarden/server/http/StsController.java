package io.keywarden.server.http;

import io.keywarden.core.auth.Caller;
import io.keywarden.core.operation.Catalogue;
import io.keywarden.core.operation.Requests;
import io.keywarden.core.operation.Results.SessionCredentials;
import io.keywarden.server.http.dto.CredentialsDto;
import io.keywarden.server.http.dto.SessionTokenBody;
import io.keywarden.server.http.dto.SessionTokenDto;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.concurrent.CompletableFuture;

/** STS operations that issue temporary credentials. */
@Controller("/v1/sts")
@Tag(name = "sts")
public class StsController {
    private final OperationCalls calls;

    public StsController(OperationCalls calls) {
        this.calls = calls;
    }

    /**
     * GetSessionToken: temporary credentials ({@code ASIA…} key ID, secret, session token, expiration) that act as the
     * caller. Needs no permission; must be called with a long-term key (session credentials: {@code AccessDenied}).
     * They cannot call IAM actions (no MFA in Keywarden) nor STS actions but AssumeRole and GetCallerIdentity.
     *
     * @return the credentials, shown this once
     */
    @Operation(operationId = "GetSessionToken")
    @ApiDocs.SignedCall
    @Post("/session-token")
    public CompletableFuture<SessionTokenDto> sessionToken(HttpRequest<?> http, @ApiDocs.Hidden Caller caller,
                                                           @Nullable @Body SessionTokenBody body) {
        return calls.call(http, caller, Catalogue.GET_SESSION_TOKEN,
                        () -> new Requests.GetSessionToken(body == null ? null : body.durationSeconds()), 200)
                .thenApply(r -> new SessionTokenDto(credentials(r.credentials())));
    }

    static CredentialsDto credentials(SessionCredentials c) {
        return new CredentialsDto(c.accessKeyId(), c.secretAccessKey().reveal(), c.sessionToken().reveal(),
                Wire.date(c.expiration()));
    }
}
