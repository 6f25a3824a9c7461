package io.keywarden.server.http;

import io.keywarden.core.auth.Caller;
import io.keywarden.core.port.Page;
import io.keywarden.core.service.IdentityService;
import io.keywarden.core.service.UserSummary;
import io.keywarden.server.http.dto.CreateUserBody;
import io.keywarden.server.http.dto.UserDto;
import io.keywarden.server.http.dto.UserListDto;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Users: CreateUser, ListUsers, GetUser, DeleteUser. */
@Controller("/v1/users")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "users")
public class UsersController {
    private final IdentityService identity;

    public UsersController(IdentityService identity) {
        this.identity = identity;
    }

    /** CreateUser. A name taken already, ignoring case, is {@code EntityAlreadyExists} (409). */
    @Operation(operationId = "CreateUser")
    @ApiResponse(responseCode = "201", description = "The new user.")
    @Status(HttpStatus.CREATED)
    @ApiDocs.SignedCall
    @ApiDocs.Conflict
    @Post
    public HttpResponse<UserDto> create(@ApiDocs.Hidden Caller caller, @Body CreateUserBody body) {
        return HttpResponse.created(Wire.user(identity.createUser(caller, body.userName(), body.path())));
    }

    /**
     * ListUsers.
     *
     * @param pathPrefix only users whose path starts with it ({@code /}, the default, for all)
     * @return one page of users, ordered by name (case-insensitively)
     */
    @Operation(operationId = "ListUsers")
    @ApiDocs.SignedCall
    @Get
    public UserListDto list(@ApiDocs.Hidden Caller caller, @Nullable @QueryValue String pathPrefix,
                            @ApiDocs.MaxItems @Nullable @QueryValue String maxItems,
                            @ApiDocs.Marker @Nullable @QueryValue String marker) {
        Page<UserSummary> page = identity.listUsers(caller, pathPrefix, Params.page(marker, maxItems));
        return new UserListDto(page.items().stream().map(Wire::user).toList(), page.isTruncated(),
                page.nextMarker());
    }

    /**
     * GetUser. For the root user ({@code me} as root) {@code userId} is the account ID, {@code arn} the root ARN,
     * and there is no {@code userName} or {@code path}.
     *
     * @return the user
     */
    @Operation(operationId = "GetUser")
    @ApiDocs.SignedCall
    @ApiDocs.NoSuchEntity
    @Get("/{user}")
    public UserDto get(@ApiDocs.Hidden Caller caller, @ApiDocs.UserOrMe @PathVariable String user) {
        return Wire.user(identity.getUser(caller, Params.userOrCaller(user)));
    }

    /** DeleteUser. Fails with {@code DeleteConflict} (409) while the user has access keys or policies. */
    @Operation(operationId = "DeleteUser")
    @ApiResponse(responseCode = "204", description = "Deleted.")
    @Status(HttpStatus.NO_CONTENT)
    @ApiDocs.SignedCall
    @ApiDocs.NoSuchEntity
    @ApiDocs.Conflict
    @Delete("/{user}")
    public HttpResponse<Void> delete(@ApiDocs.Hidden Caller caller, @ApiDocs.UserName @PathVariable String user) {
        identity.deleteUser(caller, Params.userName(caller, user));
        return HttpResponse.noContent();
    }
}
