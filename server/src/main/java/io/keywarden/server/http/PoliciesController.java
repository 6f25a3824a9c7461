package io.keywarden.server.http;

import io.keywarden.core.auth.Caller;
import io.keywarden.core.error.KeywardenException;
import io.keywarden.core.permissions.InlinePolicy;
import io.keywarden.core.permissions.ManagedPolicy;
import io.keywarden.core.permissions.PolicyService;
import io.keywarden.core.port.Page;
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
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Permissions: inline user policies (PutUserPolicy, GetUserPolicy, DeleteUserPolicy, ListUserPolicies), managed
 * policies (CreatePolicy, GetPolicy, DeletePolicy, ListPolicies), attachments (AttachUserPolicy, DetachUserPolicy,
 * ListAttachedUserPolicies) and the policy simulator. Policy documents travel as JSON strings, verbatim. Managed
 * policies are named by their ARN, percent-encoded into one path segment.
 */
@Controller("/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "permissions")
public class PoliciesController {
    private final PolicyService policies;

    public PoliciesController(PolicyService policies) {
        this.policies = policies;
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
    public HttpResponse<Void> putUserPolicy(@ApiDocs.Hidden Caller caller, @ApiDocs.UserName @PathVariable String user,
                                            @ApiDocs.PolicyName @PathVariable String name,
                                            @Body PutUserPolicyBody body) {
        policies.putUserPolicy(caller, Params.userName(caller, user), name, body.policyDocument());
        return HttpResponse.noContent();
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
    public UserPolicyDto getUserPolicy(@ApiDocs.Hidden Caller caller, @ApiDocs.UserName @PathVariable String user,
                                       @ApiDocs.PolicyName @PathVariable String name) {
        String userName = Params.userName(caller, user);
        InlinePolicy policy = policies.getUserPolicy(caller, userName, name);
        return new UserPolicyDto(userName, policy.policyName(), policy.document());
    }

    /** DeleteUserPolicy. */
    @Operation(operationId = "DeleteUserPolicy")
    @ApiResponse(responseCode = "204", description = "Deleted.")
    @Status(HttpStatus.NO_CONTENT)
    @ApiDocs.SignedCall
    @ApiDocs.NoSuchEntity
    @Delete("/users/{user}/policies/{name}")
    public HttpResponse<Void> deleteUserPolicy(@ApiDocs.Hidden Caller caller,
                                               @ApiDocs.UserName @PathVariable String user,
                                               @ApiDocs.PolicyName @PathVariable String name) {
        policies.deleteUserPolicy(caller, Params.userName(caller, user), name);
        return HttpResponse.noContent();
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
    public PolicyNameListDto listUserPolicies(@ApiDocs.Hidden Caller caller,
                                              @ApiDocs.UserName @PathVariable String user,
                                              @ApiDocs.MaxItems @Nullable @QueryValue String maxItems,
                                              @ApiDocs.Marker @Nullable @QueryValue String marker) {
        Page<String> page = policies.listUserPolicies(caller, Params.userName(caller, user), Params.page(marker, maxItems));
        return new PolicyNameListDto(page.items(), page.isTruncated(), page.nextMarker());
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
    public HttpResponse<PolicyDto> createPolicy(@ApiDocs.Hidden Caller caller, @Body CreatePolicyBody body) {
        ManagedPolicy policy = policies.createPolicy(caller, body.policyName(), body.path(), body.policyDocument(),
                body.description());
        return HttpResponse.created(Wire.policy(policy, true));
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
    public PolicyListDto listPolicies(
            @ApiDocs.Hidden Caller caller,
            @Nullable @QueryValue @Parameter(schema = @Schema(allowableValues = {"All", "Local", "AWS"})) String scope,
            @Nullable @QueryValue @Parameter(schema = @Schema(type = "boolean")) String onlyAttached,
            @Nullable @QueryValue String pathPrefix,
            @ApiDocs.MaxItems @Nullable @QueryValue String maxItems,
            @ApiDocs.Marker @Nullable @QueryValue String marker) {
        Page<ManagedPolicy> page = policies.listPolicies(caller, scope, bool(onlyAttached, "onlyAttached"), pathPrefix,
                Params.page(marker, maxItems));
        return new PolicyListDto(page.items().stream().map(p -> Wire.policy(p, false)).toList(), page.isTruncated(),
                page.nextMarker());
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
    public PolicyDto getPolicy(@ApiDocs.Hidden Caller caller, @ApiDocs.PolicyArn @PathVariable String arn) {
        return Wire.policy(policies.getPolicy(caller, arn), true);
    }

    /** DeletePolicy. A policy attached to a user cannot be deleted ({@code DeleteConflict}, 409). */
    @Operation(operationId = "DeletePolicy")
    @ApiResponse(responseCode = "204", description = "Deleted.")
    @Status(HttpStatus.NO_CONTENT)
    @ApiDocs.SignedCall
    @ApiDocs.NoSuchEntity
    @ApiDocs.Conflict
    @Delete("/policies/{arn}")
    public HttpResponse<Void> deletePolicy(@ApiDocs.Hidden Caller caller, @ApiDocs.PolicyArn @PathVariable String arn) {
        policies.deletePolicy(caller, arn);
        return HttpResponse.noContent();
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
    public HttpResponse<Void> attachUserPolicy(@ApiDocs.Hidden Caller caller,
                                               @ApiDocs.UserName @PathVariable String user,
                                               @Body AttachUserPolicyBody body) {
        policies.attachUserPolicy(caller, Params.userName(caller, user), body.policyArn());
        return HttpResponse.noContent();
    }

    /** DetachUserPolicy. A policy that is not attached to the user is {@code NoSuchEntity} (404). */
    @Operation(operationId = "DetachUserPolicy")
    @ApiResponse(responseCode = "204", description = "Detached.")
    @Status(HttpStatus.NO_CONTENT)
    @ApiDocs.SignedCall
    @ApiDocs.NoSuchEntity
    @Delete("/users/{user}/attached-policies/{arn}")
    public HttpResponse<Void> detachUserPolicy(@ApiDocs.Hidden Caller caller,
                                               @ApiDocs.UserName @PathVariable String user,
                                               @ApiDocs.PolicyArn @PathVariable String arn) {
        policies.detachUserPolicy(caller, Params.userName(caller, user), arn);
        return HttpResponse.noContent();
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
    public AttachedPolicyListDto listAttachedUserPolicies(@ApiDocs.Hidden Caller caller,
                                                          @ApiDocs.UserName @PathVariable String user,
                                                          @Nullable @QueryValue String pathPrefix,
                                                          @ApiDocs.MaxItems @Nullable @QueryValue String maxItems,
                                                          @ApiDocs.Marker @Nullable @QueryValue String marker) {
        Page<ManagedPolicy> page = policies.listAttachedUserPolicies(caller, Params.userName(caller, user), pathPrefix,
                Params.page(marker, maxItems));
        return new AttachedPolicyListDto(page.items().stream().map(Wire::attachedPolicy).toList(), page.isTruncated(),
                page.nextMarker());
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
    public SimulationResultDto simulate(@ApiDocs.Hidden Caller caller, @Body SimulationBody body) {
        String userName = Params.userName(caller, body.userName());
        return Wire.simulation(policies.simulate(caller, userName, body.action(), body.resource(), caller,
                context(body.context())));
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

    private static boolean bool(String value, String field) {
        if (value == null) {
            return false;
        }
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw KeywardenException.validation(field, "Member must be true or false");
        };
    }
}
