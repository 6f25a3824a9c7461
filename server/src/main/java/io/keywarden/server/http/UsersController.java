package io.keywarden.server.http;

import io.keywarden.core.auth.Caller;
import io.keywarden.core.operation.Catalogue;
import io.keywarden.core.operation.Parameters;
import io.keywarden.core.operation.Requests;
import io.keywarden.server.http.dto.UserDto;
import io.keywarden.server.http.dto.UserListDto;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.tree.JsonNode;

import java.util.concurrent.CompletableFuture;

/** Users: CreateUser, ListUsers, GetUser, DeleteUser. */
@Controller("/v1/users")
public class UsersController {
    private final OperationCalls calls;

    public UsersController(OperationCalls calls) {
        this.calls = calls;
    }

    @Post
    public CompletableFuture<HttpResponse<UserDto>> create(HttpRequest<?> http, Caller caller,
                                                           @Nullable @Body JsonNode body) {
        return calls.call(http, caller, Catalogue.CREATE_USER, () -> {
            JsonNode req = JsonBodies.requireObject(body);
            return new Requests.CreateUser(JsonBodies.requiredString(req, "userName"),
                    JsonBodies.optionalString(req, "path"));
        }, 201).thenApply(r -> HttpResponse.created(Wire.user(r.user())));
    }

    @Get
    public CompletableFuture<UserListDto> list(HttpRequest<?> http, Caller caller,
                                               @Nullable @QueryValue String pathPrefix,
                                               @Nullable @QueryValue String maxItems,
                                               @Nullable @QueryValue String marker) {
        return calls.call(http, caller, Catalogue.LIST_USERS,
                () -> new Requests.ListUsers(pathPrefix, Parameters.page(marker, maxItems)), 200)
                .thenApply(r -> new UserListDto(r.users().stream().map(Wire::user).toList(), r.isTruncated(),
                        r.marker()));
    }

    @Get("/{user}")
    public CompletableFuture<UserDto> get(HttpRequest<?> http, Caller caller, @PathVariable String user) {
        return calls.call(http, caller, Catalogue.GET_USER, () -> new Requests.GetUser(Parameters.userOrCaller(user)), 200)
                .thenApply(r -> Wire.user(r.user()));
    }

    @Delete("/{user}")
    public CompletableFuture<HttpResponse<Void>> delete(HttpRequest<?> http, Caller caller,
                                                        @PathVariable String user) {
        return calls.call(http, caller, Catalogue.DELETE_USER,
                () -> new Requests.DeleteUser(Parameters.userName(caller, user)), 204)
                .thenApply(r -> HttpResponse.noContent());
    }
}
