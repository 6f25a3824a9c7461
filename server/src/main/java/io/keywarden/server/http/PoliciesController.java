package io.keywarden.server.http;

import io.keywarden.core.auth.Caller;
import io.keywarden.core.error.KeywardenException;
import io.keywarden.core.operation.Catalogue;
import io.keywarden.core.operation.Parameters;
import io.keywarden.core.operation.Requests;
import io.keywarden.server.http.dto.AttachedPolicyListDto;
import io.keywarden.server.http.dto.PolicyDto;
import io.keywarden.server.http.dto.PolicyListDto;
import io.keywarden.server.http.dto.PolicyNameListDto;
import io.keywarden.server.http.dto.SimulationResultDto;
import io.keywarden.server.http.dto.UserPolicyDto;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.json.tree.JsonNode;

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
public class PoliciesController {
    private final OperationCalls calls;

    public PoliciesController(OperationCalls calls) {
        this.calls = calls;
    }

    // ---------------------------------------------------------------- inline

    @Put("/users/{user}/policies/{name}")
    public CompletableFuture<HttpResponse<Void>> putUserPolicy(HttpRequest<?> http, Caller caller,
                                                               @PathVariable String user, @PathVariable String name,
                                                               @Nullable @Body JsonNode body) {
        return calls.call(http, caller, Catalogue.PUT_USER_POLICY, () -> new Requests.PutUserPolicy(
                        Parameters.userName(caller, user), name,
                        JsonBodies.requiredString(JsonBodies.requireObject(body), "policyDocument")), 204)
                .thenApply(r -> HttpResponse.noContent());
    }

    @Get("/users/{user}/policies/{name}")
    public CompletableFuture<UserPolicyDto> getUserPolicy(HttpRequest<?> http, Caller caller,
                                                          @PathVariable String user, @PathVariable String name) {
        return calls.call(http, caller, Catalogue.GET_USER_POLICY,
                        () -> new Requests.GetUserPolicy(Parameters.userName(caller, user), name), 200)
                .thenApply(r -> new UserPolicyDto(r.userName(), r.policyName(), r.policyDocument()));
    }

    @Delete("/users/{user}/policies/{name}")
    public CompletableFuture<HttpResponse<Void>> deleteUserPolicy(HttpRequest<?> http, Caller caller,
                                                                  @PathVariable String user,
                                                                  @PathVariable String name) {
        return calls.call(http, caller, Catalogue.DELETE_USER_POLICY,
                        () -> new Requests.DeleteUserPolicy(Parameters.userName(caller, user), name), 204)
                .thenApply(r -> HttpResponse.noContent());
    }

    @Get("/users/{user}/policies")
    public CompletableFuture<PolicyNameListDto> listUserPolicies(HttpRequest<?> http, Caller caller,
                                                                 @PathVariable String user,
                                                                 @Nullable @QueryValue String maxItems,
                                                                 @Nullable @QueryValue String marker) {
        return calls.call(http, caller, Catalogue.LIST_USER_POLICIES, () -> new Requests.ListUserPolicies(
                        Parameters.userName(caller, user), Parameters.page(marker, maxItems)), 200)
                .thenApply(r -> new PolicyNameListDto(r.policyNames(), r.isTruncated(), r.marker()));
    }

    // ---------------------------------------------------------------- managed

    @Post("/policies")
    public CompletableFuture<HttpResponse<PolicyDto>> createPolicy(HttpRequest<?> http, Caller caller,
                                                                   @Nullable @Body JsonNode body) {
        return calls.call(http, caller, Catalogue.CREATE_POLICY, () -> {
            JsonNode req = JsonBodies.requireObject(body);
            return new Requests.CreatePolicy(JsonBodies.requiredString(req, "policyName"),
                    JsonBodies.optionalString(req, "path"), JsonBodies.requiredString(req, "policyDocument"),
                    JsonBodies.optionalString(req, "description"));
        }, 201).thenApply(r -> HttpResponse.created(Wire.policy(r.policy())));
    }

    @Get("/policies")
    public CompletableFuture<PolicyListDto> listPolicies(HttpRequest<?> http, Caller caller,
                                                         @Nullable @QueryValue String scope,
                                                         @Nullable @QueryValue String onlyAttached,
                                                         @Nullable @QueryValue String pathPrefix,
                                                         @Nullable @QueryValue String maxItems,
                                                         @Nullable @QueryValue String marker) {
        return calls.call(http, caller, Catalogue.LIST_POLICIES, () -> new Requests.ListPolicies(scope,
                        Parameters.bool(onlyAttached, "onlyAttached", false), pathPrefix,
                        Parameters.page(marker, maxItems)), 200)
                .thenApply(r -> new PolicyListDto(r.policies().stream().map(Wire::policy).toList(), r.isTruncated(),
                        r.marker()));
    }

    @Get("/policies/{arn}")
    public CompletableFuture<PolicyDto> getPolicy(HttpRequest<?> http, Caller caller, @PathVariable String arn) {
        return calls.call(http, caller, Catalogue.GET_POLICY, () -> new Requests.GetPolicy(arn), 200)
                .thenApply(r -> Wire.policy(r.policy()));
    }

    @Delete("/policies/{arn}")
    public CompletableFuture<HttpResponse<Void>> deletePolicy(HttpRequest<?> http, Caller caller,
                                                              @PathVariable String arn) {
        return calls.call(http, caller, Catalogue.DELETE_POLICY, () -> new Requests.DeletePolicy(arn), 204)
                .thenApply(r -> HttpResponse.noContent());
    }

    // ---------------------------------------------------------------- attachments

    @Put("/users/{user}/attached-policies")
    public CompletableFuture<HttpResponse<Void>> attachUserPolicy(HttpRequest<?> http, Caller caller,
                                                                  @PathVariable String user,
                                                                  @Nullable @Body JsonNode body) {
        return calls.call(http, caller, Catalogue.ATTACH_USER_POLICY, () -> new Requests.AttachUserPolicy(
                        Parameters.userName(caller, user),
                        JsonBodies.requiredString(JsonBodies.requireObject(body), "policyArn")), 204)
                .thenApply(r -> HttpResponse.noContent());
    }

    @Delete("/users/{user}/attached-policies/{arn}")
    public CompletableFuture<HttpResponse<Void>> detachUserPolicy(HttpRequest<?> http, Caller caller,
                                                                  @PathVariable String user,
                                                                  @PathVariable String arn) {
        return calls.call(http, caller, Catalogue.DETACH_USER_POLICY,
                        () -> new Requests.DetachUserPolicy(Parameters.userName(caller, user), arn), 204)
                .thenApply(r -> HttpResponse.noContent());
    }

    @Get("/users/{user}/attached-policies")
    public CompletableFuture<AttachedPolicyListDto> listAttachedUserPolicies(HttpRequest<?> http, Caller caller,
                                                                             @PathVariable String user,
                                                                             @Nullable @QueryValue String pathPrefix,
                                                                             @Nullable @QueryValue String maxItems,
                                                                             @Nullable @QueryValue String marker) {
        return calls.call(http, caller, Catalogue.LIST_ATTACHED_USER_POLICIES,
                        () -> new Requests.ListAttachedUserPolicies(Parameters.userName(caller, user), pathPrefix,
                                Parameters.page(marker, maxItems)), 200)
                .thenApply(r -> new AttachedPolicyListDto(r.attachedPolicies().stream().map(Wire::attachedPolicy)
                        .toList(), r.isTruncated(), r.marker()));
    }

    // ---------------------------------------------------------------- simulation

    /**
     * Would the user be allowed the action on the resource? The simulated request's context is the caller's own
     * request (source IP, time, TLS, user agent, region) with the keys of {@code context} overriding.
     */
    @Post("/simulate")
    public CompletableFuture<SimulationResultDto> simulate(HttpRequest<?> http, Caller caller,
                                                           @Nullable @Body JsonNode body) {
        return calls.call(http, caller, Catalogue.SIMULATE_PRINCIPAL_POLICY, () -> {
            JsonNode req = JsonBodies.requireObject(body);
            return new Requests.SimulatePrincipalPolicy(
                    Parameters.userName(caller, JsonBodies.requiredString(req, "userName")),
                    JsonBodies.requiredString(req, "action"), JsonBodies.optionalString(req, "resource"),
                    context(req.get("context")));
        }, 200).thenApply(r -> new SimulationResultDto(r.decision(), r.explanation(), r.decidingStatements(),
                r.errors()));
    }

    /** {@code {"key": ["value", ...]}}; a single string, number or boolean counts as a one-value list. */
    private static Map<String, List<String>> context(JsonNode node) {
        if (node == null || node.isNull()) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw KeywardenException.validation("context", "Member must be an object of condition keys to lists of values");
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : node.entries()) {
            JsonNode value = entry.getValue();
            List<String> values = new ArrayList<>();
            if (value.isArray()) {
                for (JsonNode item : value.values()) {
                    values.add(scalar(item));
                }
            } else {
                values.add(scalar(value));
            }
            out.put(entry.getKey(), values);
        }
        return out;
    }

    private static String scalar(JsonNode value) {
        if (value.isString()) {
            return value.getStringValue();
        }
        if (value.isNumber() || value.isBoolean()) {
            return value.coerceStringValue();
        }
        throw KeywardenException.validation("context", "Member values must be strings, numbers or booleans");
    }
}
