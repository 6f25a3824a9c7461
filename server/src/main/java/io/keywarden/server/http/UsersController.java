package io.keywarden.server.http;

import io.keywarden.core.auth.Caller;
import io.keywarden.core.port.Page;
import io.keywarden.core.service.IdentityService;
import io.keywarden.core.service.UserSummary;
import io.keywarden.server.http.dto.UserDto;
import io.keywarden.server.http.dto.UserListDto;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.tree.JsonNode;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/** Users: CreateUser, ListUsers, GetUser, DeleteUser. */
@Controller("/v1/users")
@ExecuteOn(TaskExecutors.BLOCKING)
public class UsersController {
    private final IdentityService identity;

    public UsersController(IdentityService identity) {
        this.identity = identity;
    }

    @Post
    public HttpResponse<UserDto> create(Caller caller, @Nullable @Body JsonNode body) {
        JsonNode req = JsonBodies.requireObject(body);
        return HttpResponse.created(Wire.user(identity.createUser(caller,
                JsonBodies.requiredString(req, "userName"), JsonBodies.optionalString(req, "path"))));
    }

    @Get
    public UserListDto list(Caller caller, @Nullable @QueryValue String pathPrefix,
                            @Nullable @QueryValue String maxItems, @Nullable @QueryValue String marker) {
        Page<UserSummary> page = identity.listUsers(caller, pathPrefix, Params.page(marker, maxItems));
        return new UserListDto(page.items().stream().map(Wire::user).toList(), page.isTruncated(),
                page.nextMarker());
    }

    @Get("/{user}")
    public UserDto get(Caller caller, @PathVariable String user) {
        return Wire.user(identity.getUser(caller, Params.userOrCaller(user)));
    }

    @Delete("/{user}")
    public HttpResponse<Void> delete(Caller caller, @PathVariable String user) {
        identity.deleteUser(caller, Params.userName(caller, user));
        return HttpResponse.noContent();
    }
}
