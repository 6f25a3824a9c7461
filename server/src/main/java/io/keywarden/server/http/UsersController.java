package io.keywarden.server.http;

import io.keywarden.core.auth.Caller;
import io.keywarden.core.operation.Catalogue;
import io.keywarden.core.operation.Parameters;
import io.keywarden.core.operation.Requests;
import io.keywarden.server.http.dto.CreateUserBody;
import io.keywarden.server.http.dto.TagListDto;
import io.keywarden.server.http.dto.TagsBody;
import io.keywarden.server.http.dto.UserDto;
import io.keywarden.server.http.dto.UserListDto;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
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
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Users: CreateUser, ListUsers, GetUser, DeleteUser. */
@Controller("/v1/users")
@Tag(name = "users")
public class UsersController {
    private final OperationCalls calls;

    public UsersController(OperationCalls calls) {
        this.calls = calls;
    }

    /**
     * CreateUser. A name taken already, ignoring case, is {@code EntityAlreadyExists} (409). Tags given with the user
     * need {@code iam:TagUser} as well, and are checked before the user is created.
     */
    @Operation(operationId = "CreateUser")
    @ApiResponse(responseCode = "201", description = "The new user.")
    @Status(HttpStatus.CREATED)
    @ApiDocs.SignedCall
    @ApiDocs.Conflict
    @Post
    public CompletableFuture<UserDto> create(HttpRequest<?> http, @ApiDocs.Hidden Caller caller,
                                             @Body CreateUserBody body) {
        return calls.call(http, caller, Catalogue.CREATE_USER,
                        () -> new Requests.CreateUser(body.userName(), body.path(), Wire.tagMaps(body.tags()), null),
                        201)
                .thenApply(r -> Wire.user(r.user()));
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
    public CompletableFuture<UserListDto> list(HttpRequest<?> http, @ApiDocs.Hidden Caller caller,
                                               @Nullable @QueryValue String pathPrefix,
                                               @ApiDocs.MaxItems @Nullable @QueryValue String maxItems,
                                               @ApiDocs.Marker @Nullable @QueryValue String marker) {
        return calls.call(http, caller, Catalogue.LIST_USERS,
                        () -> new Requests.ListUsers(pathPrefix, Parameters.page(marker, maxItems)), 200)
                .thenApply(r -> new UserListDto(r.users().stream().map(Wire::user).toList(), r.isTruncated(),
                        r.marker()));
    }

    /**
     * GetUser. For the root user ({@code ~} as root) {@code userId} is the account ID, {@code arn} the root ARN,
     * and there is no {@code userName} or {@code path}.
     *
     * @return the user
     */
    @Operation(operationId = "GetUser")
    @ApiDocs.SignedCall
    @ApiDocs.NoSuchEntity
    @Get("/{user}")
    public CompletableFuture<UserDto> get(HttpRequest<?> http, @ApiDocs.Hidden Caller caller,
                                          @ApiDocs.UserOrMe @PathVariable String user) {
        return calls.call(http, caller, Catalogue.GET_USER,
                        () -> new Requests.GetUser(Parameters.userOrCaller(user)), 200)
                .thenApply(r -> Wire.user(r.user()));
    }

    /** DeleteUser. Fails with {@code DeleteConflict} (409) while the user has access keys or policies. */
    @Operation(operationId = "DeleteUser")
    @ApiResponse(responseCode = "204", description = "Deleted.")
    @Status(HttpStatus.NO_CONTENT)
    @ApiDocs.SignedCall
    @ApiDocs.NoSuchEntity
    @ApiDocs.Conflict
    @Delete("/{user}")
    public CompletableFuture<HttpResponse<Void>> delete(HttpRequest<?> http, @ApiDocs.Hidden Caller caller,
                                                        @ApiDocs.UserName @PathVariable String user) {
        return calls.call(http, caller, Catalogue.DELETE_USER,
                        () -> new Requests.DeleteUser(Parameters.userName(caller, user)), 204)
                .thenApply(r -> HttpResponse.noContent());
    }

    /**
     * Revokes the user's GetSessionToken sessions issued before now: the user's inline policy
     * {@code AWSRevokeOlderSessions} denies everything when {@code aws:TokenIssueTime} is earlier (long-term keys,
     * which have no issue time, are unaffected). Authorised as PutUserPolicy.
     */
    @Operation(operationId = "RevokeUserSessions")
    @ApiResponse(responseCode = "204", description = "Revoked.")
    @Status(HttpStatus.NO_CONTENT)
    @ApiDocs.SignedCall
    @ApiDocs.NoSuchEntity
    @ApiDocs.Conflict
    @Post("/{user}/revoke-sessions")
    public CompletableFuture<HttpResponse<Void>> revokeSessions(HttpRequest<?> http, @ApiDocs.Hidden Caller caller,
                                                                @ApiDocs.UserName @PathVariable String user) {
        return calls.call(http, caller, Catalogue.REVOKE_USER_SESSIONS,
                        () -> new Requests.RevokeUserSessions(Parameters.userName(caller, user)), 204)
                .thenApply(r -> HttpResponse.noContent());
    }

    /**
     * TagUser: adds the tags, replacing the value of a key the user has already (keys compared ignoring case). A user
     * has at most 50 tags ({@code LimitExceeded}, 409), access key descriptions included; keys starting with
     * {@code aws:} are reserved ({@code InvalidInput}, 400).
     */
    @Operation(operationId = "TagUser")
    @ApiResponse(responseCode = "204", description = "Tagged.")
    @Status(HttpStatus.NO_CONTENT)
    @ApiDocs.SignedCall
    @ApiDocs.NoSuchEntity
    @ApiDocs.Conflict
    @Post("/{user}/tags")
    public CompletableFuture<HttpResponse<Void>> tag(HttpRequest<?> http, @ApiDocs.Hidden Caller caller,
                                                     @ApiDocs.UserName @PathVariable String user,
                                                     @Body TagsBody body) {
        return calls.call(http, caller, Catalogue.TAG_USER,
                        () -> new Requests.TagUser(Parameters.userName(caller, user), Wire.tagMaps(body.tags())), 204)
                .thenApply(r -> HttpResponse.noContent());
    }

    /**
     * UntagUser: removes the tags with these keys (ignoring case); keys the user does not have are ignored.
     *
     * @param tagKeys the keys to remove, 1 to 50 (repeat the parameter)
     */
    @Operation(operationId = "UntagUser")
    @ApiResponse(responseCode = "204", description = "Untagged.")
    @Status(HttpStatus.NO_CONTENT)
    @ApiDocs.SignedCall
    @ApiDocs.NoSuchEntity
    @Delete("/{user}/tags")
    public CompletableFuture<HttpResponse<Void>> untag(HttpRequest<?> http, @ApiDocs.Hidden Caller caller,
                                                       @ApiDocs.UserName @PathVariable String user,
                                                       @Nullable @QueryValue List<String> tagKeys) {
        return calls.call(http, caller, Catalogue.UNTAG_USER,
                        () -> new Requests.UntagUser(Parameters.userName(caller, user), tagKeys), 204)
                .thenApply(r -> HttpResponse.noContent());
    }

    /**
     * ListUserTags.
     *
     * @return one page of the user's tags, in key order (ignoring case)
     */
    @Operation(operationId = "ListUserTags")
    @ApiDocs.SignedCall
    @ApiDocs.NoSuchEntity
    @Get("/{user}/tags")
    public CompletableFuture<TagListDto> listTags(HttpRequest<?> http, @ApiDocs.Hidden Caller caller,
                                                  @ApiDocs.UserName @PathVariable String user,
                                                  @ApiDocs.MaxItems @Nullable @QueryValue String maxItems,
                                                  @ApiDocs.Marker @Nullable @QueryValue String marker) {
        return calls.call(http, caller, Catalogue.LIST_USER_TAGS, () -> new Requests.ListUserTags(
                        Parameters.userName(caller, user), Parameters.page(marker, maxItems)), 200)
                .thenApply(Wire::tagList);
    }
}
