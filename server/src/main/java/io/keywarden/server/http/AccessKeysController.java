package io.keywarden.server.http;

import io.keywarden.core.auth.Caller;
import io.keywarden.core.operation.Catalogue;
import io.keywarden.core.operation.Parameters;
import io.keywarden.core.operation.Requests;
import io.keywarden.server.http.dto.AccessKeyDto;
import io.keywarden.server.http.dto.AccessKeyInfoDto;
import io.keywarden.server.http.dto.AccessKeyLastUsedDto;
import io.keywarden.server.http.dto.AccessKeyListDto;
import io.keywarden.server.http.dto.KeyOwnerDto;
import io.keywarden.server.http.dto.CreateAccessKeyBody;
import io.keywarden.server.http.dto.NewAccessKeyDto;
import io.keywarden.server.http.dto.QuarantineBody;
import io.keywarden.server.http.dto.QuarantineDto;
import io.keywarden.server.http.dto.UpdateAccessKeyBody;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.concurrent.CompletableFuture;

/**
 * Access keys: CreateAccessKey, ListAccessKeys, UpdateAccessKey, DeleteAccessKey under a user, and
 * GetAccessKeyLastUsed, GetAccessKeyInfo and the owner look-up by key ID: each hands its typed request to
 * {@link OperationCalls}.
 */
@Controller("/v1")
@Tag(name = "access-keys")
public class AccessKeysController {
    private final OperationCalls calls;

    public AccessKeysController(OperationCalls calls) {
        this.calls = calls;
    }

    /**
     * CreateAccessKey: a new Active key. The answer is the only time the secret is ever returned. At most
     * {@code keywarden.keys.max-per-user} (default 2) keys per user, Active and Inactive alike ({@code LimitExceeded},
     * 409). An optional body {@code {"description": "..."}} describes the key: stored as AWS's console stores it, as
     * the owner's tag keyed by the key's ID (so it needs {@code iam:TagUser}, counts against the 50 tags, shows in
     * ListAccessKeys and goes when the key is deleted); the root user's keys take none.
     */
    @Operation(operationId = "CreateAccessKey")
    @ApiResponse(responseCode = "201", description = "The new key with its secret.")
    @Status(HttpStatus.CREATED)
    @ApiDocs.SignedCall
    @ApiDocs.NoSuchEntity
    @ApiDocs.Conflict
    @Post("/users/{user}/access-keys")
    public CompletableFuture<NewAccessKeyDto> create(HttpRequest<?> http, @ApiDocs.Hidden Caller caller,
                                                     @ApiDocs.UserOrMe @PathVariable String user,
                                                     @Nullable @Body CreateAccessKeyBody body) {
        return calls.call(http, caller, Catalogue.CREATE_ACCESS_KEY,
                () -> new Requests.CreateAccessKey(Parameters.userOrCaller(user),
                        body == null ? null : body.description()), 201)
                .thenApply(r -> Wire.newAccessKey(r.accessKey()));
    }

    /**
     * ListAccessKeys.
     *
     * @return one page of the user's keys (never secrets)
     */
    @Operation(operationId = "ListAccessKeys")
    @ApiDocs.SignedCall
    @ApiDocs.NoSuchEntity
    @Get("/users/{user}/access-keys")
    public CompletableFuture<AccessKeyListDto> list(HttpRequest<?> http, @ApiDocs.Hidden Caller caller,
                                                    @ApiDocs.UserOrMe @PathVariable String user,
                                                    @ApiDocs.MaxItems @Nullable @QueryValue String maxItems,
                                                    @ApiDocs.Marker @Nullable @QueryValue String marker) {
        return calls.call(http, caller, Catalogue.LIST_ACCESS_KEYS, () -> new Requests.ListAccessKeys(
                        Parameters.userOrCaller(user), Parameters.page(marker, maxItems)), 200)
                .thenApply(r -> new AccessKeyListDto(r.accessKeyMetadata().stream().map(Wire::accessKey).toList(),
                        r.isTruncated(), r.marker()));
    }

    /**
     * UpdateAccessKey. An Inactive key is refused for authentication at once ({@code InvalidClientTokenId}) and
     * accepted again once reactivated.
     *
     * @return the key with its new status
     */
    @Operation(operationId = "UpdateAccessKey")
    @ApiDocs.SignedCall
    @ApiDocs.NoSuchEntity
    @Patch("/users/{user}/access-keys/{id}")
    public CompletableFuture<AccessKeyDto> update(HttpRequest<?> http, @ApiDocs.Hidden Caller caller,
                                                  @ApiDocs.UserOrMe @PathVariable String user,
                                                  @ApiDocs.AccessKeyId @PathVariable String id,
                                                  @Body UpdateAccessKeyBody body) {
        return calls.call(http, caller, Catalogue.UPDATE_ACCESS_KEY,
                        () -> new Requests.UpdateAccessKey(Parameters.userOrCaller(user), id, body.status()), 200)
                .thenApply(r -> Wire.accessKey(r.accessKey()));
    }

    /**
     * DeleteAccessKey: removes the key for good; its ID never authenticates again and is never reissued. With
     * {@code keywarden.keys.require-inactive-before-delete} an Active key cannot be deleted ({@code DeleteConflict},
     * 409).
     */
    @Operation(operationId = "DeleteAccessKey")
    @ApiResponse(responseCode = "204", description = "Deleted.")
    @Status(HttpStatus.NO_CONTENT)
    @ApiDocs.SignedCall
    @ApiDocs.NoSuchEntity
    @ApiDocs.Conflict
    @Delete("/users/{user}/access-keys/{id}")
    public CompletableFuture<HttpResponse<Void>> delete(HttpRequest<?> http, @ApiDocs.Hidden Caller caller,
                                                        @ApiDocs.UserOrMe @PathVariable String user,
                                                        @ApiDocs.AccessKeyId @PathVariable String id) {
        return calls.call(http, caller, Catalogue.DELETE_ACCESS_KEY,
                        () -> new Requests.DeleteAccessKey(Parameters.userOrCaller(user), id), 204)
                .thenApply(r -> HttpResponse.noContent());
    }

    /**
     * GetAccessKeyLastUsed. An unknown key is {@code AccessDenied} (403), as in AWS. A key never used has {@code N/A}
     * for service and region and no date. Recorded uses are written within {@code keywarden.last-used.flush-interval}
     * (default 1 s).
     *
     * @return the key's owner and last use
     */
    @Operation(operationId = "GetAccessKeyLastUsed")
    @ApiDocs.SignedCall
    @Get("/access-keys/{id}/last-used")
    public CompletableFuture<AccessKeyLastUsedDto> lastUsed(HttpRequest<?> http, @ApiDocs.Hidden Caller caller,
                                                            @ApiDocs.AccessKeyId @PathVariable String id) {
        return calls.call(http, caller, Catalogue.GET_ACCESS_KEY_LAST_USED,
                () -> new Requests.GetAccessKeyLastUsed(id), 200).thenApply(Wire::lastUsed);
    }

    /**
     * GetAccessKeyInfo (sign for {@code sts}): the account a key ID belongs to, decoded from the ID alone, whether or
     * not the key exists.
     *
     * @return the owning account
     */
    @Operation(operationId = "GetAccessKeyInfo")
    @ApiDocs.SignedCall
    @Get("/access-keys/{id}/info")
    public CompletableFuture<AccessKeyInfoDto> info(HttpRequest<?> http, @ApiDocs.Hidden Caller caller,
                                                    @ApiDocs.AccessKeyId @PathVariable String id) {
        return calls.call(http, caller, Catalogue.GET_ACCESS_KEY_INFO, () -> new Requests.GetAccessKeyInfo(id), 200)
                .thenApply(r -> new AccessKeyInfoDto(r.account()));
    }

    /**
     * FindAccessKeyOwner: the owner of a key, found from its ID (an administrators' look-up; needs
     * {@code iam:GetAccessKeyLastUsed} on {@code *}).
     *
     * @return the key and its owner
     */
    @Operation(operationId = "FindAccessKeyOwner")
    @ApiDocs.SignedCall
    @ApiDocs.NoSuchEntity
    @Get("/access-keys/{id}/owner")
    public CompletableFuture<KeyOwnerDto> owner(HttpRequest<?> http, @ApiDocs.Hidden Caller caller,
                                                @ApiDocs.AccessKeyId @PathVariable String id) {
        return calls.call(http, caller, Catalogue.FIND_ACCESS_KEY_OWNER, () -> new Requests.FindAccessKeyOwner(id), 200)
                .thenApply(Wire::owner);
    }

    /**
     * Quarantines a leaked key, as AWS answers a leaked key: attaches the built-in deny policy
     * {@code arn:aws:iam::aws:policy/KeywardenCompromisedKeyQuarantine} to the key's owner (everything denied but
     * reading and rotating the owner's own keys) and, with {@code deactivate}, makes the key Inactive. The audit event
     * records who did it and the reason. Quarantining again changes nothing. Undo: DetachUserPolicy of that ARN. A
     * root key cannot be quarantined ({@code InvalidInput}, 400): deactivate or delete it with root credentials.
     * Authorised as {@code keywarden:QuarantineAccessKey} on the owner.
     */
    @Operation(operationId = "QuarantineAccessKey")
    @ApiDocs.SignedCall
    @ApiDocs.NoSuchEntity
    @Post("/access-keys/{id}/quarantine")
    public CompletableFuture<QuarantineDto> quarantine(HttpRequest<?> http, @ApiDocs.Hidden Caller caller,
                                                       @ApiDocs.AccessKeyId @PathVariable String id,
                                                       @Body QuarantineBody body) {
        return calls.call(http, caller, Catalogue.QUARANTINE_ACCESS_KEY,
                        () -> new Requests.QuarantineAccessKey(id, body.reason(), body.deactivate()), 200)
                .thenApply(Wire::quarantine);
    }
}
