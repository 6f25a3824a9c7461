package io.keywarden.server.http;

import io.keywarden.core.auth.Caller;
import io.keywarden.core.error.KeywardenException;
import io.keywarden.core.operation.Catalogue;
import io.keywarden.core.operation.Parameters;
import io.keywarden.core.operation.Requests;
import io.keywarden.server.http.dto.AttachUserPolicyBody;
import io.keywarden.server.http.dto.AttachedPolicyListDto;
import io.keywarden.server.http.dto.CreatePolicyBody;
import io.keywarden.server.http.dto.PolicyDto;
import io.keywarden.server.http.dto.PolicyListDto;
import io.keywarden.server.http.dto.PolicyNameListDto;
import io.keywarden.server.http.dto.PutUserPolicyBody;
import io.keywarden.server.http.dto.SimulationBody;
import io.keywarden.server.http.dto.SimulationResultDto;
import io.keywarden.server.http.dto.UserPolicyDto;
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
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Permissions: inline user policies (PutUserPolicy, GetUserPolicy, DeleteUserPolicy, ListUserPolicies), managed
 * policies (CreatePolicy, GetPolicy, DeletePolicy, ListPolicies), attachments (AttachUserPolicy, DetachUserPolicy,
 * ListAttachedUserPolicies) and the policy simulator. Policy documents travel as JSON strings, verbatim. Managed
 * policies are named by their ARN, percent-encoded into one path segment.
 */
@Controller("/v1")
@Tag(name = "permissions")
public class PoliciesController {
    private final OperationCalls calls;

    public PoliciesController(OperationCalls calls) {
        this.calls = calls;
    }

    // ---------------------------------------------------------------- inline

    /**
     * PutUserPolicy: creates or replaces an inline policy. The document is validated ({@code MalformedPolicyDocument},
     * 400, saying what is wrong and where) and stored verbatim. A user's inline policies may total 2,048 characters,
     * whitespace not counted ({@code LimitExceeded}, 409).
     */
    @Operation(operationId = "PutUserPolicy")
    @ApiResponse(responseCode = "204", description = "Stored.")
    @Status(HttpStatus.NO_CONTENT)
    @ApiDocs.SignedCall
    @ApiDocs.NoSuchEntity
    @ApiDocs.Conflict
    @Put("/users/{user}/policies/{name}")
    public CompletableFuture<HttpResponse<Void>> putUserPolicy(HttpRequest<?> http, @ApiDocs.Hidden Caller caller,
                                                               @ApiDocs.UserName @PathVariable String user,
                                                               @ApiDocs.PolicyName @PathVariable String name,
                                                               @Body PutUserPolicyBody body) {
        return calls.call(http, caller, Catalogue.PUT_USER_POLICY, () -> new Requests.PutUserPolicy(
                        Parameters.userName(caller, user), name, body.policyDocument()), 204)
                .thenApply(r -> HttpResponse.noContent());
    }

    /**
     * GetUserPolicy.
     *
     * @return the inline policy with its document as it was put
     */
    @Operation(operationId = "GetUserPolicy")
    @ApiDocs.SignedCall
    @ApiDocs.NoSuchEntity
    @Get("/users/{user}/policies/{name}")
    public CompletableFuture<UserPolicyDto> getUserPolicy(HttpRequest<?> http, @ApiDocs.Hidden Caller caller,
                                                          @ApiDocs.UserName @PathVariable String user,
                                                          @ApiDocs.PolicyName @PathVariable String name) {
        return calls.call(http, caller, Catalogue.GET_USER_POLICY,
                        () -> new Requests.GetUserPolicy(Parameters.userName(caller, user), name), 200)
                .thenApply(r -> new UserPolicyDto(r.userName(), r.policyName(), r.policyDocument()));
    }

    /** DeleteUserPolicy. */
    @Operation(operationId = "DeleteUserPolicy")
    @ApiResponse(responseCode = "204", description = "Deleted.")
    @Status(HttpStatus.NO_CONTENT)
    @ApiDocs.SignedCall
    @ApiDocs.NoSuchEntity
    @Delete("/users/{user}/policies/{name}")
    public CompletableFuture<HttpResponse<Void>> deleteUserPolicy(HttpRequest<?> http, @ApiDocs.Hidden Caller caller,
                                                                  @ApiDocs.UserName @PathVariable String user,
                                                                  @ApiDocs.PolicyName @PathVariable String name) {
        return calls.call(http, caller, Catalogue.DELETE_USER_POLICY,
                        () -> new Requests.DeleteUserPolicy(Parameters.userName(caller, user), name), 204)
                .thenApply(r -> HttpResponse.noContent());
    }

    /**
     * ListUserPolicies.
     *
     * @return one page of the names of the user's inline policies, in name order
     */
    @Operation(operationId = "ListUserPolicies")
    @ApiDocs.SignedCall
    @ApiDocs.NoSuchEntity
    @Get("/users/{user}/policies")
    public CompletableFuture<PolicyNameListDto> listUserPolicies(HttpRequest<?> http, @ApiDocs.Hidden Caller caller,
                                                                 @ApiDocs.UserName @PathVariable String user,
                                                                 @ApiDocs.MaxItems @Nullable @QueryValue String maxItems,
                                                                 @ApiDocs.Marker @Nullable @QueryValue String marker) {
        return calls.call(http, caller, Catalogue.LIST_USER_POLICIES, () -> new Requests.ListUserPolicies(
                        Parameters.userName(caller, user), Parameters.page(marker, maxItems)), 200)
                .thenApply(r -> new PolicyNameListDto(r.policyNames(), r.isTruncated(), r.marker()));
    }

    // ---------------------------------------------------------------- managed

    /**
     * CreatePolicy: a customer-managed policy (one version, {@code v1}). Names are unique in the account ignoring case
     * ({@code EntityAlreadyExists}, 409); a document may hold 6,144 characters, whitespace not counted
     * ({@code LimitExceeded}, 409).
     */
    @Operation(operationId = "CreatePolicy")
    @ApiResponse(responseCode = "201", description = "The new policy, with its document.")
    @Status(HttpStatus.CREATED)
    @ApiDocs.SignedCall
    @ApiDocs.Conflict
    @Post("/policies")
    public CompletableFuture<PolicyDto> createPolicy(HttpRequest<?> http, @ApiDocs.Hidden Caller caller,
                                                     @Body CreatePolicyBody body) {
        return calls.call(http, caller, Catalogue.CREATE_POLICY, () -> new Requests.CreatePolicy(body.policyName(),
                        body.path(), body.policyDocument(), body.description()), 201)
                .thenApply(r -> Wire.policy(r.policy()));
    }

    /**
     * ListPolicies.
     *
     * @param scope        {@code All} (the default), {@code Local} or {@code AWS}; Keywarden hosts no AWS-managed
     *                     policies, so {@code AWS} lists none
     * @param onlyAttached {@code true} for only the policies attached to some user; {@code false} by default
     * @param pathPrefix   only policies whose path starts with it ({@code /}, the default, for all)
     * @return one page of managed policies (without documents), in name order
     */
    @Operation(operationId = "ListPolicies")
    @ApiDocs.SignedCall
    @Get("/policies")
    public CompletableFuture<PolicyListDto> listPolicies(
                                                         HttpRequest<?> http,
                                                         @ApiDocs.Hidden Caller caller,
                                                         @Nullable @QueryValue @Parameter(schema = @Schema(allowableValues = {"All", "Local", "AWS"})) String scope,
                                                         @Nullable @QueryValue @Parameter(schema = @Schema(type = "boolean")) String onlyAttached,
                                                         @Nullable @QueryValue String pathPrefix,
                                                         @ApiDocs.MaxItems @Nullable @QueryValue String maxItems,
                                                         @ApiDocs.Marker @Nullable @QueryValue String marker) {
        return calls.call(http, caller, Catalogue.LIST_POLICIES, () -> new Requests.ListPolicies(scope,
                        Parameters.bool(onlyAttached, "onlyAttached", false), pathPrefix,
                        Parameters.page(marker, maxItems)), 200)
                .thenApply(r -> new PolicyListDto(r.policies().stream().map(Wire::policy).toList(), r.isTruncated(),
                        r.marker()));
    }

    /**
     * GetPolicy.
     *
     * @return the policy, with its document
     */
    @Operation(operationId = "GetPolicy")
    @ApiDocs.SignedCall
    @ApiDocs.NoSuchEntity
    @Get("/policies/{arn}")
    public CompletableFuture<PolicyDto> getPolicy(HttpRequest<?> http, @ApiDocs.Hidden Caller caller,
                                                  @ApiDocs.PolicyArn @PathVariable String arn) {
        return calls.call(http, caller, Catalogue.GET_POLICY, () -> new Requests.GetPolicy(arn), 200)
                .thenApply(r -> Wire.policy(r.policy()));
    }

    /** DeletePolicy. A policy attached to a user cannot be deleted ({@code DeleteConflict}, 409). */
    @Operation(operationId = "DeletePolicy")
    @ApiResponse(responseCode = "204", description = "Deleted.")
    @Status(HttpStatus.NO_CONTENT)
    @ApiDocs.SignedCall
    @ApiDocs.NoSuchEntity
    @ApiDocs.Conflict
    @Delete("/policies/{arn}")
    public CompletableFuture<HttpResponse<Void>> deletePolicy(HttpRequest<?> http, @ApiDocs.Hidden Caller caller,
                                                              @ApiDocs.PolicyArn @PathVariable String arn) {
        return calls.call(http, caller, Catalogue.DELETE_POLICY, () -> new Requests.DeletePolicy(arn), 204)
                .thenApply(r -> HttpResponse.noContent());
    }

    // ---------------------------------------------------------------- attachments

    /**
     * AttachUserPolicy: attaching it again changes nothing. At most 10 managed policies per user
     * ({@code LimitExceeded}, 409). A policy that does not exist is {@code NoSuchEntity} (404).
     */
    @Operation(operationId = "AttachUserPolicy")
    @ApiResponse(responseCode = "204", description = "Attached.")
    @Status(HttpStatus.NO_CONTENT)
    @ApiDocs.SignedCall
    @ApiDocs.NoSuchEntity
    @ApiDocs.Conflict
    @Put("/users/{user}/attached-policies")
    public CompletableFuture<HttpResponse<Void>> attachUserPolicy(HttpRequest<?> http, @ApiDocs.Hidden Caller caller,
                                                                  @ApiDocs.UserName @PathVariable String user,
                                                                  @Body AttachUserPolicyBody body) {
        return calls.call(http, caller, Catalogue.ATTACH_USER_POLICY, () -> new Requests.AttachUserPolicy(
                        Parameters.userName(caller, user), body.policyArn()), 204)
                .thenApply(r -> HttpResponse.noContent());
    }

    /** DetachUserPolicy. A policy that is not attached to the user is {@code NoSuchEntity} (404). */
    @Operation(operationId = "DetachUserPolicy")
    @ApiResponse(responseCode = "204", description = "Detached.")
    @Status(HttpStatus.NO_CONTENT)
    @ApiDocs.SignedCall
    @ApiDocs.NoSuchEntity
    @Delete("/users/{user}/attached-policies/{arn}")
    public CompletableFuture<HttpResponse<Void>> detachUserPolicy(HttpRequest<?> http, @ApiDocs.Hidden Caller caller,
                                                                  @ApiDocs.UserName @PathVariable String user,
                                                                  @ApiDocs.PolicyArn @PathVariable String arn) {
        return calls.call(http, caller, Catalogue.DETACH_USER_POLICY,
                        () -> new Requests.DetachUserPolicy(Parameters.userName(caller, user), arn), 204)
                .thenApply(r -> HttpResponse.noContent());
    }

    /**
     * ListAttachedUserPolicies.
     *
     * @param pathPrefix only policies whose path starts with it ({@code /}, the default, for all)
     * @return one page of the managed policies attached to the user, in name order
     */
    @Operation(operationId = "ListAttachedUserPolicies")
    @ApiDocs.SignedCall
    @ApiDocs.NoSuchEntity
    @Get("/users/{user}/attached-policies")
    public CompletableFuture<AttachedPolicyListDto> listAttachedUserPolicies(
                                                                             HttpRequest<?> http,
                                                                             @ApiDocs.Hidden Caller caller,
                                                                             @ApiDocs.UserName @PathVariable String user,
                                                                             @Nullable @QueryValue String pathPrefix,
                                                                             @ApiDocs.MaxItems @Nullable @QueryValue String maxItems,
                                                                             @ApiDocs.Marker @Nullable @QueryValue String marker) {
        return calls.call(http, caller, Catalogue.LIST_ATTACHED_USER_POLICIES,
                        () -> new Requests.ListAttachedUserPolicies(Parameters.userName(caller, user), pathPrefix,
                                Parameters.page(marker, maxItems)), 200)
                .thenApply(r -> new AttachedPolicyListDto(r.attachedPolicies().stream().map(Wire::attachedPolicy)
                        .toList(), r.isTruncated(), r.marker()));
    }

    // ---------------------------------------------------------------- simulation

    /**
     * SimulatePrincipalPolicy: would the user be allowed the action on the resource? Performs nothing. The simulated
     * request's context is the caller's own request (source IP, time, TLS, user agent, region) with the keys of
     * {@code context} replacing it (a key with an empty list is removed). The caller needs
     * {@code iam:SimulatePrincipalPolicy} on the user.
     *
     * @return the decision and why
     */
    @Operation(operationId = "SimulatePrincipalPolicy")
    @ApiDocs.SignedCall
    @ApiDocs.NoSuchEntity
    @Post("/simulate")
    public CompletableFuture<SimulationResultDto> simulate(HttpRequest<?> http, @ApiDocs.Hidden Caller caller,
                                                           @Body SimulationBody body) {
        return calls.call(http, caller, Catalogue.SIMULATE_PRINCIPAL_POLICY, () -> new Requests.SimulatePrincipalPolicy(
                Parameters.userName(caller, body.userName()), body.action(), body.resource(),
                context(body.context())), 200)
                .thenApply(r -> new SimulationResultDto(r.decision(), r.explanation(), r.decidingStatements(),
                        r.errors()));
    }

    /** {@code {"key": ["value", ...]}}; a single string, number or boolean counts as a one-value list. */
    private static Map<String, List<String>> context(Map<String, Object> context) {
        if (context == null) {
            return Map.of();
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : context.entrySet()) {
            List<String> values = new ArrayList<>();
            if (entry.getValue() instanceof List<?> list) {
                for (Object item : list) {
                    values.add(scalar(item));
                }
            } else {
                values.add(scalar(entry.getValue()));
            }
            out.put(entry.getKey(), values);
        }
        return out;
    }

    private static String scalar(Object value) {
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        throw KeywardenException.validation("context", "Member values must be strings, numbers or booleans");
    }
}
