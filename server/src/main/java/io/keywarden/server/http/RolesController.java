package io.keywarden.server.http;

import io.keywarden.core.auth.Caller;
import io.keywarden.core.operation.Catalogue;
import io.keywarden.core.operation.Parameters;
import io.keywarden.core.operation.Requests;
import io.keywarden.server.http.dto.AttachRolePolicyBody;
import io.keywarden.server.http.dto.AttachedPolicyListDto;
import io.keywarden.server.http.dto.CreateRoleBody;
import io.keywarden.server.http.dto.PolicyDocumentBody;
import io.keywarden.server.http.dto.PolicyNameListDto;
import io.keywarden.server.http.dto.RoleDto;
import io.keywarden.server.http.dto.RoleListDto;
import io.keywarden.server.http.dto.RolePolicyDto;
import io.keywarden.server.http.dto.TagBody;
import io.keywarden.server.http.dto.TagListDto;
import io.keywarden.server.http.dto.TagsBody;
import io.keywarden.server.http.dto.UpdateRoleBody;
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
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * IAM roles: CreateRole, GetRole, ListRoles, UpdateRole, UpdateAssumeRolePolicy (the trust policy), DeleteRole; their
 * inline policies (PutRolePolicy, GetRolePolicy, DeleteRolePolicy, ListRolePolicies) and attached managed policies
 * (AttachRolePolicy, DetachRolePolicy, ListAttachedRolePolicies). Documents travel as JSON strings, verbatim (not
 * URL-encoded, unlike the Query face's answers). Managed policies are named by their ARN, percent-encoded into one
 * path segment.
 */
@Controller("/v1")
@Tag(name = "roles")
public class RolesController {
    private final OperationCalls calls;

    public RolesController(OperationCalls calls) {
        this.calls = calls;
    }

    /**
     * CreateRole. Names are unique in the account ignoring case ({@code EntityAlreadyExists}, 409). The trust policy is
     * validated ({@code MalformedPolicyDocument}, 400: each statement needs a {@code Principal}, and may have no
     * {@code Resource} or {@code NotPrincipal}) and holds at most 2,048 characters, whitespace not counted
     * ({@code LimitExceeded}, 409).
     */
    @Operation(operationId = "CreateRole")
    @ApiResponse(responseCode = "201", description = "The new role.")
    @Status(HttpStatus.CREATED)
    @ApiDocs.SignedCall
    @ApiDocs.Conflict
    @Post("/roles")
    public CompletableFuture<RoleDto> createRole(HttpRequest<?> http, @ApiDocs.Hidden Caller caller,
                                                 @Body CreateRoleBody body) {
        return calls.call(http, caller, Catalogue.CREATE_ROLE, () -> new Requests.CreateRole(body.roleName(),
                        body.path(), body.assumeRolePolicyDocument(), body.description(), body.maxSessionDuration(),
                        tags(body.tags()), null), 201)
                .thenApply(r -> Wire.role(r.role()));
    }

    /**
     * ListRoles.
     *
     * @param pathPrefix only roles whose path starts with it ({@code /}, the default, for all)
     * @return one page of roles (without tags), in name order ignoring case
     */
    @Operation(operationId = "ListRoles")
    @ApiDocs.SignedCall
    @Get("/roles")
    public CompletableFuture<RoleListDto> listRoles(HttpRequest<?> http, @ApiDocs.Hidden Caller caller,
                                                    @Nullable @QueryValue String pathPrefix,
                                                    @ApiDocs.MaxItems @Nullable @QueryValue String maxItems,
                                                    @ApiDocs.Marker @Nullable @QueryValue String marker) {
        return calls.call(http, caller, Catalogue.LIST_ROLES,
                        () -> new Requests.ListRoles(pathPrefix, Parameters.page(marker, maxItems)), 200)
                .thenApply(r -> new RoleListDto(r.roles().stream().map(Wire::role).toList(), r.isTruncated(),
                        r.marker()));
    }

    /**
     * GetRole.
     *
     * @return the role, with its trust policy and tags
     */
    @Operation(operationId = "GetRole")
    @ApiDocs.SignedCall
    @ApiDocs.NoSuchEntity
    @Get("/roles/{role}")
    public CompletableFuture<RoleDto> getRole(HttpRequest<?> http, @ApiDocs.Hidden Caller caller,
                                              @ApiDocs.RoleName @PathVariable String role) {
        return calls.call(http, caller, Catalogue.GET_ROLE, () -> new Requests.GetRole(role), 200)
                .thenApply(r -> Wire.role(r.role()));
    }

    /** UpdateRole: the description and the longest session (3600 to 43200 s); what is absent stays. */
    @Operation(operationId = "UpdateRole")
    @ApiResponse(responseCode = "204", description = "Updated.")
    @Status(HttpStatus.NO_CONTENT)
    @ApiDocs.SignedCall
    @ApiDocs.NoSuchEntity
    @Patch("/roles/{role}")
    public CompletableFuture<HttpResponse<Void>> updateRole(HttpRequest<?> http, @ApiDocs.Hidden Caller caller,
                                                            @ApiDocs.RoleName @PathVariable String role,
                                                            @Body UpdateRoleBody body) {
        return calls.call(http, caller, Catalogue.UPDATE_ROLE, () -> new Requests.UpdateRole(role,
                        body.description(), body.maxSessionDuration()), 204)
                .thenApply(r -> HttpResponse.noContent());
    }

    /** UpdateAssumeRolePolicy: replaces the trust policy (validated as CreateRole's). */
    @Operation(operationId = "UpdateAssumeRolePolicy")
    @ApiResponse(responseCode = "204", description = "Stored.")
    @Status(HttpStatus.NO_CONTENT)
    @ApiDocs.SignedCall
    @ApiDocs.NoSuchEntity
    @ApiDocs.Conflict
    @Put("/roles/{role}/trust-policy")
    public CompletableFuture<HttpResponse<Void>> updateAssumeRolePolicy(HttpRequest<?> http,
                                                                        @ApiDocs.Hidden Caller caller,
                                                                        @ApiDocs.RoleName @PathVariable String role,
                                                                        @Body PolicyDocumentBody body) {
        return calls.call(http, caller, Catalogue.UPDATE_ASSUME_ROLE_POLICY,
                        () -> new Requests.UpdateAssumeRolePolicy(role, body.policyDocument()), 204)
                .thenApply(r -> HttpResponse.noContent());
    }

    /** DeleteRole. A role with inline or attached policies cannot be deleted ({@code DeleteConflict}, 409). */
    @Operation(operationId = "DeleteRole")
    @ApiResponse(responseCode = "204", description = "Deleted.")
    @Status(HttpStatus.NO_CONTENT)
    @ApiDocs.SignedCall
    @ApiDocs.NoSuchEntity
    @ApiDocs.Conflict
    @Delete("/roles/{role}")
    public CompletableFuture<HttpResponse<Void>> deleteRole(HttpRequest<?> http, @ApiDocs.Hidden Caller caller,
                                                            @ApiDocs.RoleName @PathVariable String role) {
        return calls.call(http, caller, Catalogue.DELETE_ROLE, () -> new Requests.DeleteRole(role), 204)
                .thenApply(r -> HttpResponse.noContent());
    }

    // ---------------------------------------------------------------- inline

    /**
     * PutRolePolicy: creates or replaces an inline policy of the role (an identity-based policy). A role's inline
     * policies may total 10,240 characters, whitespace not counted ({@code LimitExceeded}, 409).
     */
    @Operation(operationId = "PutRolePolicy")
    @ApiResponse(responseCode = "204", description = "Stored.")
    @Status(HttpStatus.NO_CONTENT)
    @ApiDocs.SignedCall
    @ApiDocs.NoSuchEntity
    @ApiDocs.Conflict
    @Put("/roles/{role}/policies/{name}")
    public CompletableFuture<HttpResponse<Void>> putRolePolicy(HttpRequest<?> http, @ApiDocs.Hidden Caller caller,
                                                               @ApiDocs.RoleName @PathVariable String role,
                                                               @ApiDocs.PolicyName @PathVariable String name,
                                                               @Body PolicyDocumentBody body) {
        return calls.call(http, caller, Catalogue.PUT_ROLE_POLICY,
                        () -> new Requests.PutRolePolicy(role, name, body.policyDocument()), 204)
                .thenApply(r -> HttpResponse.noContent());
    }

    /**
     * GetRolePolicy.
     *
     * @return the inline policy with its document as it was put
     */
    @Operation(operationId = "GetRolePolicy")
    @ApiDocs.SignedCall
    @ApiDocs.NoSuchEntity
    @Get("/roles/{role}/policies/{name}")
    public CompletableFuture<RolePolicyDto> getRolePolicy(HttpRequest<?> http, @ApiDocs.Hidden Caller caller,
                                                          @ApiDocs.RoleName @PathVariable String role,
                                                          @ApiDocs.PolicyName @PathVariable String name) {
        return calls.call(http, caller, Catalogue.GET_ROLE_POLICY, () -> new Requests.GetRolePolicy(role, name), 200)
                .thenApply(r -> new RolePolicyDto(r.roleName(), r.policyName(), r.policyDocument()));
    }

    /** DeleteRolePolicy. */
    @Operation(operationId = "DeleteRolePolicy")
    @ApiResponse(responseCode = "204", description = "Deleted.")
    @Status(HttpStatus.NO_CONTENT)
    @ApiDocs.SignedCall
    @ApiDocs.NoSuchEntity
    @Delete("/roles/{role}/policies/{name}")
    public CompletableFuture<HttpResponse<Void>> deleteRolePolicy(HttpRequest<?> http, @ApiDocs.Hidden Caller caller,
                                                                  @ApiDocs.RoleName @PathVariable String role,
                                                                  @ApiDocs.PolicyName @PathVariable String name) {
        return calls.call(http, caller, Catalogue.DELETE_ROLE_POLICY,
                        () -> new Requests.DeleteRolePolicy(role, name), 204)
                .thenApply(r -> HttpResponse.noContent());
    }

    /**
     * ListRolePolicies.
     *
     * @return one page of the names of the role's inline policies, in name order
     */
    @Operation(operationId = "ListRolePolicies")
    @ApiDocs.SignedCall
    @ApiDocs.NoSuchEntity
    @Get("/roles/{role}/policies")
    public CompletableFuture<PolicyNameListDto> listRolePolicies(HttpRequest<?> http, @ApiDocs.Hidden Caller caller,
                                                                 @ApiDocs.RoleName @PathVariable String role,
                                                                 @ApiDocs.MaxItems @Nullable @QueryValue String maxItems,
                                                                 @ApiDocs.Marker @Nullable @QueryValue String marker) {
        return calls.call(http, caller, Catalogue.LIST_ROLE_POLICIES,
                        () -> new Requests.ListRolePolicies(role, Parameters.page(marker, maxItems)), 200)
                .thenApply(r -> new PolicyNameListDto(r.policyNames(), r.isTruncated(), r.marker()));
    }

    /**
     * "Revoke active sessions", as AWS's console does it: puts the role's inline policy {@code AWSRevokeOlderSessions},
     * which denies everything to every session issued before now ({@code aws:TokenIssueTime}); sessions issued after
     * are unaffected. Authorised as PutRolePolicy; every node applies it within a second (the change feed).
     */
    @Operation(operationId = "RevokeRoleSessions")
    @ApiResponse(responseCode = "204", description = "Revoked.")
    @Status(HttpStatus.NO_CONTENT)
    @ApiDocs.SignedCall
    @ApiDocs.NoSuchEntity
    @ApiDocs.Conflict
    @Post("/roles/{role}/revoke-sessions")
    public CompletableFuture<HttpResponse<Void>> revokeRoleSessions(HttpRequest<?> http, @ApiDocs.Hidden Caller caller,
                                                                    @ApiDocs.RoleName @PathVariable String role) {
        return calls.call(http, caller, Catalogue.REVOKE_ROLE_SESSIONS,
                        () -> new Requests.RevokeRoleSessions(role), 204)
                .thenApply(r -> HttpResponse.noContent());
    }

    // ---------------------------------------------------------------- attachments

    /**
     * AttachRolePolicy: attaching it again changes nothing. At most 10 managed policies per role
     * ({@code LimitExceeded}, 409). A policy that does not exist is {@code NoSuchEntity} (404).
     */
    @Operation(operationId = "AttachRolePolicy")
    @ApiResponse(responseCode = "204", description = "Attached.")
    @Status(HttpStatus.NO_CONTENT)
    @ApiDocs.SignedCall
    @ApiDocs.NoSuchEntity
    @ApiDocs.Conflict
    @Put("/roles/{role}/attached-policies")
    public CompletableFuture<HttpResponse<Void>> attachRolePolicy(HttpRequest<?> http, @ApiDocs.Hidden Caller caller,
                                                                  @ApiDocs.RoleName @PathVariable String role,
                                                                  @Body AttachRolePolicyBody body) {
        return calls.call(http, caller, Catalogue.ATTACH_ROLE_POLICY,
                        () -> new Requests.AttachRolePolicy(role, body.policyArn()), 204)
                .thenApply(r -> HttpResponse.noContent());
    }

    /** DetachRolePolicy. A policy that is not attached to the role is {@code NoSuchEntity} (404). */
    @Operation(operationId = "DetachRolePolicy")
    @ApiResponse(responseCode = "204", description = "Detached.")
    @Status(HttpStatus.NO_CONTENT)
    @ApiDocs.SignedCall
    @ApiDocs.NoSuchEntity
    @Delete("/roles/{role}/attached-policies/{arn}")
    public CompletableFuture<HttpResponse<Void>> detachRolePolicy(HttpRequest<?> http, @ApiDocs.Hidden Caller caller,
                                                                  @ApiDocs.RoleName @PathVariable String role,
                                                                  @ApiDocs.PolicyArn @PathVariable String arn) {
        return calls.call(http, caller, Catalogue.DETACH_ROLE_POLICY,
                        () -> new Requests.DetachRolePolicy(role, arn), 204)
                .thenApply(r -> HttpResponse.noContent());
    }

    /**
     * ListAttachedRolePolicies.
     *
     * @param pathPrefix only policies whose path starts with it ({@code /}, the default, for all)
     * @return one page of the managed policies attached to the role, in name order
     */
    @Operation(operationId = "ListAttachedRolePolicies")
    @ApiDocs.SignedCall
    @ApiDocs.NoSuchEntity
    @Get("/roles/{role}/attached-policies")
    public CompletableFuture<AttachedPolicyListDto> listAttachedRolePolicies(
            HttpRequest<?> http,
            @ApiDocs.Hidden Caller caller,
            @ApiDocs.RoleName @PathVariable String role,
            @Nullable @QueryValue String pathPrefix,
            @ApiDocs.MaxItems @Nullable @QueryValue String maxItems,
            @ApiDocs.Marker @Nullable @QueryValue String marker) {
        return calls.call(http, caller, Catalogue.LIST_ATTACHED_ROLE_POLICIES,
                        () -> new Requests.ListAttachedRolePolicies(role, pathPrefix, Parameters.page(marker, maxItems)),
                        200)
                .thenApply(r -> new AttachedPolicyListDto(r.attachedPolicies().stream().map(Wire::attachedPolicy)
                        .toList(), r.isTruncated(), r.marker()));
    }

    /** REST tags as the typed request's maps ({@code Key}/{@code Value}, as the Query face gives them). */
    /**
     * TagRole: adds the tags, replacing the value of a key the role has already (keys compared ignoring case). A role
     * has at most 50 tags ({@code LimitExceeded}, 409); keys starting with {@code aws:} are reserved
     * ({@code InvalidInput}, 400).
     */
    @Operation(operationId = "TagRole")
    @ApiResponse(responseCode = "204", description = "Tagged.")
    @Status(HttpStatus.NO_CONTENT)
    @ApiDocs.SignedCall
    @ApiDocs.NoSuchEntity
    @ApiDocs.Conflict
    @Post("/roles/{role}/tags")
    public CompletableFuture<HttpResponse<Void>> tagRole(HttpRequest<?> http, @ApiDocs.Hidden Caller caller,
                                                         @ApiDocs.RoleName @PathVariable String role,
                                                         @Body TagsBody body) {
        return calls.call(http, caller, Catalogue.TAG_ROLE,
                        () -> new Requests.TagRole(role, Wire.tagMaps(body.tags())), 204)
                .thenApply(r -> HttpResponse.noContent());
    }

    /**
     * UntagRole: removes the tags with these keys (ignoring case); keys the role does not have are ignored.
     *
     * @param tagKeys the keys to remove, 1 to 50 (repeat the parameter)
     */
    @Operation(operationId = "UntagRole")
    @ApiResponse(responseCode = "204", description = "Untagged.")
    @Status(HttpStatus.NO_CONTENT)
    @ApiDocs.SignedCall
    @ApiDocs.NoSuchEntity
    @Delete("/roles/{role}/tags")
    public CompletableFuture<HttpResponse<Void>> untagRole(HttpRequest<?> http, @ApiDocs.Hidden Caller caller,
                                                           @ApiDocs.RoleName @PathVariable String role,
                                                           @Nullable @QueryValue List<String> tagKeys) {
        return calls.call(http, caller, Catalogue.UNTAG_ROLE, () -> new Requests.UntagRole(role, tagKeys), 204)
                .thenApply(r -> HttpResponse.noContent());
    }

    /**
     * ListRoleTags.
     *
     * @return one page of the role's tags, in key order (ignoring case)
     */
    @Operation(operationId = "ListRoleTags")
    @ApiDocs.SignedCall
    @ApiDocs.NoSuchEntity
    @Get("/roles/{role}/tags")
    public CompletableFuture<TagListDto> listRoleTags(HttpRequest<?> http, @ApiDocs.Hidden Caller caller,
                                                      @ApiDocs.RoleName @PathVariable String role,
                                                      @ApiDocs.MaxItems @Nullable @QueryValue String maxItems,
                                                      @ApiDocs.Marker @Nullable @QueryValue String marker) {
        return calls.call(http, caller, Catalogue.LIST_ROLE_TAGS,
                        () -> new Requests.ListRoleTags(role, Parameters.page(marker, maxItems)), 200)
                .thenApply(Wire::tagList);
    }

    private static List<Map<String, String>> tags(List<TagBody> tags) {
        return Wire.tagMaps(tags);
    }
}
