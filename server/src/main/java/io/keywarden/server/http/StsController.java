package io.keywarden.server.http;

import io.keywarden.core.auth.Caller;
import io.keywarden.core.operation.Catalogue;
import io.keywarden.core.operation.Requests;
import io.keywarden.core.operation.Results.SessionCredentials;
import io.keywarden.server.http.dto.AssumeRoleBody;
import io.keywarden.server.http.dto.AssumeRoleDto;
import io.keywarden.server.http.dto.AssumedRoleUserDto;
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

    /**
     * AssumeRole: temporary credentials of a session of the role, when its trust policy allows the caller (and, when it
     * trusts the caller's account only, the caller's own policies allow {@code sts:AssumeRole} on it). The session may
     * do what the role's policies allow, narrowed by the session policies given here.
     *
     * @return the credentials, shown this once, and the session's identity
     */
    @Operation(operationId = "AssumeRole")
    @ApiDocs.SignedCall
    @Post("/assume-role")
    public CompletableFuture<AssumeRoleDto> assumeRole(HttpRequest<?> http, @ApiDocs.Hidden Caller caller,
                                                       @Body AssumeRoleBody body) {
        return calls.call(http, caller, Catalogue.ASSUME_ROLE, () -> new Requests.AssumeRole(body.roleArn(),
                        body.roleSessionName(), body.durationSeconds(), body.externalId(), body.policy(),
                        body.policyArns() == null ? null
                                : body.policyArns().stream().map(a -> java.util.Map.of("arn", a)).toList(),
                        body.sourceIdentity()), 200)
                .thenApply(r -> new AssumeRoleDto(credentials(r.credentials()),
                        new AssumedRoleUserDto(r.assumedRoleUser().assumedRoleId(), r.assumedRoleUser().arn()),
                        r.packedPolicySize(), r.sourceIdentity()));
    }

    static CredentialsDto credentials(SessionCredentials c) {
        return new CredentialsDto(c.accessKeyId(), c.secretAccessKey().reveal(), c.sessionToken().reveal(),
                Wire.date(c.expiration()));
    }
}
