package io.keywarden.server.http;

import io.keywarden.core.auth.Caller;
import io.keywarden.core.keys.AccessKey;
import io.keywarden.core.port.Page;
import io.keywarden.core.service.IdentityService;
import io.keywarden.server.blocking.EventLoopFirst;
import io.keywarden.server.http.dto.AccessKeyDto;
import io.keywarden.server.http.dto.AccessKeyInfoDto;
import io.keywarden.server.http.dto.AccessKeyLastUsedDto;
import io.keywarden.server.http.dto.AccessKeyListDto;
import io.keywarden.server.http.dto.KeyOwnerDto;
import io.keywarden.server.http.dto.NewAccessKeyDto;
import io.keywarden.server.http.dto.UpdateAccessKeyBody;
import io.micronaut.core.annotation.Nullable;
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
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.concurrent.CompletableFuture;

/**
 * Access keys: CreateAccessKey, ListAccessKeys, UpdateAccessKey, DeleteAccessKey under a user, and
 * GetAccessKeyLastUsed, GetAccessKeyInfo and the owner look-up by key ID. Everything runs on the blocking executor
 * except ListAccessKeys, which answers on the event loop when its key list is cached ({@link EventLoopFirst}).
 */
@Controller("/v1")
@Tag(name = "access-keys")
public class AccessKeysController {
    private final IdentityService identity;
    private final EventLoopFirst eventLoopFirst;

    public AccessKeysController(IdentityService identity, EventLoopFirst eventLoopFirst) {
        this.identity = identity;
        this.eventLoopFirst = eventLoopFirst;
    }

    /**
     * CreateAccessKey: a new Active key. The answer is the only time the secret is ever returned. At most
     * {@code keywarden.keys.max-per-user} (default 2) keys per user, Active and Inactive alike ({@code LimitExceeded},
     * 409).
     */
    @Operation(operationId = "CreateAccessKey")
    @ApiResponse(responseCode = "201", description = "The new key with its secret.")
    @Status(HttpStatus.CREATED)
    @ApiDocs.SignedCall
    @ApiDocs.NoSuchEntity
    @ApiDocs.Conflict
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Post("/users/{user}/access-keys")
    public HttpResponse<NewAccessKeyDto> create(@ApiDocs.Hidden Caller caller,
                                                @ApiDocs.UserOrMe @PathVariable String user) {
        return HttpResponse.created(Wire.newAccessKey(identity.createAccessKey(caller, Params.userOrCaller(user))));
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
    public CompletableFuture<AccessKeyListDto> list(@ApiDocs.Hidden Caller caller,
                                                    @ApiDocs.UserOrMe @PathVariable String user,
                                                    @ApiDocs.MaxItems @Nullable @QueryValue String maxItems,
                                                    @ApiDocs.Marker @Nullable @QueryValue String marker) {
        return eventLoopFirst.supply(() -> {
            Page<AccessKey> page = identity.listAccessKeys(caller, Params.userOrCaller(user),
                    Params.page(marker, maxItems));
            return new AccessKeyListDto(page.items().stream().map(Wire::accessKey).toList(), page.isTruncated(),
                    page.nextMarker());
        });
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
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Patch("/users/{user}/access-keys/{id}")
    public AccessKeyDto update(@ApiDocs.Hidden Caller caller, @ApiDocs.UserOrMe @PathVariable String user,
                               @ApiDocs.AccessKeyId @PathVariable String id,
                               @Body UpdateAccessKeyBody body) {
        return Wire.accessKey(identity.updateAccessKey(caller, Params.userOrCaller(user), id, body.status()));
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
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Delete("/users/{user}/access-keys/{id}")
    public HttpResponse<Void> delete(@ApiDocs.Hidden Caller caller, @ApiDocs.UserOrMe @PathVariable String user,
                                     @ApiDocs.AccessKeyId @PathVariable String id) {
        identity.deleteAccessKey(caller, Params.userOrCaller(user), id);
        return HttpResponse.noContent();
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
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Get("/access-keys/{id}/last-used")
    public AccessKeyLastUsedDto lastUsed(@ApiDocs.Hidden Caller caller, @ApiDocs.AccessKeyId @PathVariable String id) {
        return Wire.lastUsed(identity.getAccessKeyLastUsed(caller, id));
    }

    /**
     * GetAccessKeyInfo (sign for {@code sts}): the account a key ID belongs to, decoded from the ID alone, whether or
     * not the key exists.
     *
     * @return the owning account
     */
    @Operation(operationId = "GetAccessKeyInfo")
    @ApiDocs.SignedCall
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Get("/access-keys/{id}/info")
    public AccessKeyInfoDto info(@ApiDocs.Hidden Caller caller, @ApiDocs.AccessKeyId @PathVariable String id) {
        return new AccessKeyInfoDto(identity.getAccessKeyInfo(caller, id).value());
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
    @ExecuteOn(TaskExecutors.BLOCKING)
    @Get("/access-keys/{id}/owner")
    public KeyOwnerDto owner(@ApiDocs.Hidden Caller caller, @ApiDocs.AccessKeyId @PathVariable String id) {
        return Wire.owner(identity.findKeyOwner(caller, id));
    }
}
