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
import io.keywarden.server.http.dto.NewAccessKeyDto;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
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

import java.util.concurrent.CompletableFuture;

/**
 * Access keys: CreateAccessKey, ListAccessKeys, UpdateAccessKey, DeleteAccessKey under a user, and
 * GetAccessKeyLastUsed, GetAccessKeyInfo and the owner look-up by key ID.
 */
@Controller("/v1")
public class AccessKeysController {
    private final OperationCalls calls;

    public AccessKeysController(OperationCalls calls) {
        this.calls = calls;
    }

    @Post("/users/{user}/access-keys")
    public CompletableFuture<HttpResponse<NewAccessKeyDto>> create(HttpRequest<?> http, Caller caller,
                                                                   @PathVariable String user) {
        return calls.call(http, caller, Catalogue.CREATE_ACCESS_KEY,
                () -> new Requests.CreateAccessKey(Parameters.userOrCaller(user)), 201)
                .thenApply(r -> HttpResponse.created(Wire.newAccessKey(r.accessKey())));
    }

    @Get("/users/{user}/access-keys")
    public CompletableFuture<AccessKeyListDto> list(HttpRequest<?> http, Caller caller, @PathVariable String user,
                                                    @Nullable @QueryValue String maxItems,
                                                    @Nullable @QueryValue String marker) {
        return calls.call(http, caller, Catalogue.LIST_ACCESS_KEYS, () -> new Requests.ListAccessKeys(
                        Parameters.userOrCaller(user), Parameters.page(marker, maxItems)), 200)
                .thenApply(r -> new AccessKeyListDto(r.accessKeyMetadata().stream().map(Wire::accessKey).toList(),
                        r.isTruncated(), r.marker()));
    }

    @Patch("/users/{user}/access-keys/{id}")
    public CompletableFuture<AccessKeyDto> update(HttpRequest<?> http, Caller caller, @PathVariable String user,
                                                  @PathVariable String id, @Nullable @Body JsonNode body) {
        return calls.call(http, caller, Catalogue.UPDATE_ACCESS_KEY, () -> new Requests.UpdateAccessKey(
                        Parameters.userOrCaller(user), id,
                        JsonBodies.requiredString(JsonBodies.requireObject(body), "status")), 200)
                .thenApply(r -> Wire.accessKey(r.accessKey()));
    }

    @Delete("/users/{user}/access-keys/{id}")
    public CompletableFuture<HttpResponse<Void>> delete(HttpRequest<?> http, Caller caller, @PathVariable String user,
                                                        @PathVariable String id) {
        return calls.call(http, caller, Catalogue.DELETE_ACCESS_KEY,
                () -> new Requests.DeleteAccessKey(Parameters.userOrCaller(user), id), 204)
                .thenApply(r -> HttpResponse.noContent());
    }

    @Get("/access-keys/{id}/last-used")
    public CompletableFuture<AccessKeyLastUsedDto> lastUsed(HttpRequest<?> http, Caller caller,
                                                            @PathVariable String id) {
        return calls.call(http, caller, Catalogue.GET_ACCESS_KEY_LAST_USED,
                () -> new Requests.GetAccessKeyLastUsed(id), 200).thenApply(Wire::lastUsed);
    }

    @Get("/access-keys/{id}/info")
    public CompletableFuture<AccessKeyInfoDto> info(HttpRequest<?> http, Caller caller, @PathVariable String id) {
        return calls.call(http, caller, Catalogue.GET_ACCESS_KEY_INFO, () -> new Requests.GetAccessKeyInfo(id), 200)
                .thenApply(r -> new AccessKeyInfoDto(r.account()));
    }

    @Get("/access-keys/{id}/owner")
    public CompletableFuture<KeyOwnerDto> owner(HttpRequest<?> http, Caller caller, @PathVariable String id) {
        return calls.call(http, caller, Catalogue.FIND_ACCESS_KEY_OWNER, () -> new Requests.FindAccessKeyOwner(id), 200)
                .thenApply(Wire::owner);
    }
}
