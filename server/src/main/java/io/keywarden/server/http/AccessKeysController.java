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
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.util.concurrent.CompletableFuture;

/**
 * Access keys: CreateAccessKey, ListAccessKeys, UpdateAccessKey, DeleteAccessKey under a user, and
 * GetAccessKeyLastUsed, GetAccessKeyInfo and the owner look-up by key ID. Everything runs on the blocking executor
 * except ListAccessKeys, which answers on the event loop when its key list is cached ({@link EventLoopFirst}).
 */
@Controller("/v1")
public class AccessKeysController {
    private final IdentityService identity;
    private final EventLoopFirst eventLoopFirst;

    public AccessKeysController(IdentityService identity, EventLoopFirst eventLoopFirst) {
        this.identity = identity;
        this.eventLoopFirst = eventLoopFirst;
    }

    @ExecuteOn(TaskExecutors.BLOCKING)
    @Post("/users/{user}/access-keys")
    public HttpResponse<NewAccessKeyDto> create(Caller caller, @PathVariable String user) {
        return HttpResponse.created(Wire.newAccessKey(identity.createAccessKey(caller, Params.userOrCaller(user))));
    }

    @Get("/users/{user}/access-keys")
    public CompletableFuture<AccessKeyListDto> list(Caller caller, @PathVariable String user,
                                                    @Nullable @QueryValue String maxItems,
                                                    @Nullable @QueryValue String marker) {
        return eventLoopFirst.supply(() -> {
            Page<AccessKey> page = identity.listAccessKeys(caller, Params.userOrCaller(user),
                    Params.page(marker, maxItems));
            return new AccessKeyListDto(page.items().stream().map(Wire::accessKey).toList(), page.isTruncated(),
                    page.nextMarker());
        });
    }

    @ExecuteOn(TaskExecutors.BLOCKING)
    @Patch("/users/{user}/access-keys/{id}")
    public AccessKeyDto update(Caller caller, @PathVariable String user, @PathVariable String id,
                               @Nullable @Body JsonNode body) {
        String status = JsonBodies.requiredString(JsonBodies.requireObject(body), "status");
        return Wire.accessKey(identity.updateAccessKey(caller, Params.userOrCaller(user), id, status));
    }

    @ExecuteOn(TaskExecutors.BLOCKING)
    @Delete("/users/{user}/access-keys/{id}")
    public HttpResponse<Void> delete(Caller caller, @PathVariable String user, @PathVariable String id) {
        identity.deleteAccessKey(caller, Params.userOrCaller(user), id);
        return HttpResponse.noContent();
    }

    @ExecuteOn(TaskExecutors.BLOCKING)
    @Get("/access-keys/{id}/last-used")
    public AccessKeyLastUsedDto lastUsed(Caller caller, @PathVariable String id) {
        return Wire.lastUsed(identity.getAccessKeyLastUsed(caller, id));
    }

    @ExecuteOn(TaskExecutors.BLOCKING)
    @Get("/access-keys/{id}/info")
    public AccessKeyInfoDto info(Caller caller, @PathVariable String id) {
        return new AccessKeyInfoDto(identity.getAccessKeyInfo(caller, id).value());
    }

    @ExecuteOn(TaskExecutors.BLOCKING)
    @Get("/access-keys/{id}/owner")
    public KeyOwnerDto owner(Caller caller, @PathVariable String id) {
        return Wire.owner(identity.findKeyOwner(caller, id));
    }
}
