package io.keywarden.server.http;

import io.keywarden.core.auth.Caller;
import io.keywarden.core.error.KeywardenException;
import io.keywarden.core.permissions.InlinePolicy;
import io.keywarden.core.permissions.ManagedPolicy;
import io.keywarden.core.permissions.PolicyService;
import io.keywarden.core.port.Page;
import io.keywarden.server.http.dto.AttachedPolicyListDto;
import io.keywarden.server.http.dto.PolicyDto;
import io.keywarden.server.http.dto.PolicyListDto;
import io.keywarden.server.http.dto.PolicyNameListDto;
import io.keywarden.server.http.dto.SimulationResultDto;
import io.keywarden.server.http.dto.UserPolicyDto;
import io.micronaut.core.annotation.Nullable;
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
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

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
public class PoliciesController {
    private final PolicyService policies;

    public PoliciesController(PolicyService policies) {
        this.policies = policies;
    }

    // ---------------------------------------------------------------- inline

    @Put("/users/{user}/policies/{name}")
    public HttpResponse<Void> putUserPolicy(Caller caller, @PathVariable String user, @PathVariable String name,
                                            @Nullable @Body JsonNode body) {
        String document = JsonBodies.requiredString(JsonBodies.requireObject(body), "policyDocument");
        policies.putUserPolicy(caller, Params.userName(caller, user), name, document);
        return HttpResponse.noContent();
    }

    @Get("/users/{user}/policies/{name}")
    public UserPolicyDto getUserPolicy(Caller caller, @PathVariable String user, @PathVariable String name) {
        String userName = Params.userName(caller, user);
        InlinePolicy policy = policies.getUserPolicy(caller, userName, name);
        return new UserPolicyDto(userName, policy.policyName(), policy.document());
    }

    @Delete("/users/{user}/policies/{name}")
    public HttpResponse<Void> deleteUserPolicy(Caller caller, @PathVariable String user, @PathVariable String name) {
        policies.deleteUserPolicy(caller, Params.userName(caller, user), name);
        return HttpResponse.noContent();
    }

    @Get("/users/{user}/policies")
    public PolicyNameListDto listUserPolicies(Caller caller, @PathVariable String user,
                                              @Nullable @QueryValue String maxItems, @Nullable @QueryValue String marker) {
        Page<String> page = policies.listUserPolicies(caller, Params.userName(caller, user), Params.page(marker, maxItems));
        return new PolicyNameListDto(page.items(), page.isTruncated(), page.nextMarker());
    }

    // ---------------------------------------------------------------- managed

    @Post("/policies")
    public HttpResponse<PolicyDto> createPolicy(Caller caller, @Nullable @Body JsonNode body) {
        JsonNode req = JsonBodies.requireObject(body);
        ManagedPolicy policy = policies.createPolicy(caller, JsonBodies.requiredString(req, "policyName"),
                JsonBodies.optionalString(req, "path"), JsonBodies.requiredString(req, "policyDocument"),
                JsonBodies.optionalString(req, "description"));
        return HttpResponse.created(Wire.policy(policy, true));
    }

    @Get("/policies")
    public PolicyListDto listPolicies(Caller caller, @Nullable @QueryValue String scope,
                                      @Nullable @QueryValue String onlyAttached, @Nullable @QueryValue String pathPrefix,
                                      @Nullable @QueryValue String maxItems, @Nullable @QueryValue String marker) {
        Page<ManagedPolicy> page = policies.listPolicies(caller, scope, bool(onlyAttached, "onlyAttached"), pathPrefix,
                Params.page(marker, maxItems));
        return new PolicyListDto(page.items().stream().map(p -> Wire.policy(p, false)).toList(), page.isTruncated(),
                page.nextMarker());
    }

    @Get("/policies/{arn}")
    public PolicyDto getPolicy(Caller caller, @PathVariable String arn) {
        return Wire.policy(policies.getPolicy(caller, arn), true);
    }

    @Delete("/policies/{arn}")
    public HttpResponse<Void> deletePolicy(Caller caller, @PathVariable String arn) {
        policies.deletePolicy(caller, arn);
        return HttpResponse.noContent();
    }

    // ---------------------------------------------------------------- attachments

    @Put("/users/{user}/attached-policies")
    public HttpResponse<Void> attachUserPolicy(Caller caller, @PathVariable String user, @Nullable @Body JsonNode body) {
        String arn = JsonBodies.requiredString(JsonBodies.requireObject(body), "policyArn");
        policies.attachUserPolicy(caller, Params.userName(caller, user), arn);
        return HttpResponse.noContent();
    }

    @Delete("/users/{user}/attached-policies/{arn}")
    public HttpResponse<Void> detachUserPolicy(Caller caller, @PathVariable String user, @PathVariable String arn) {
        policies.detachUserPolicy(caller, Params.userName(caller, user), arn);
        return HttpResponse.noContent();
    }

    @Get("/users/{user}/attached-policies")
    public AttachedPolicyListDto listAttachedUserPolicies(Caller caller, @PathVariable String user,
                                                          @Nullable @QueryValue String pathPrefix,
                                                          @Nullable @QueryValue String maxItems,
                                                          @Nullable @QueryValue String marker) {
        Page<ManagedPolicy> page = policies.listAttachedUserPolicies(caller, Params.userName(caller, user), pathPrefix,
                Params.page(marker, maxItems));
        return new AttachedPolicyListDto(page.items().stream().map(Wire::attachedPolicy).toList(), page.isTruncated(),
                page.nextMarker());
    }

    // ---------------------------------------------------------------- simulation

    /**
     * Would the user be allowed the action on the resource? The simulated request's context is the caller's own
     * request (source IP, time, TLS, user agent, region) with the keys of {@code context} overriding.
     */
    @Post("/simulate")
    public SimulationResultDto simulate(Caller caller, @Nullable @Body JsonNode body) {
        JsonNode req = JsonBodies.requireObject(body);
        String userName = Params.userName(caller, JsonBodies.requiredString(req, "userName"));
        return Wire.simulation(policies.simulate(caller, userName, JsonBodies.requiredString(req, "action"),
                JsonBodies.optionalString(req, "resource"), caller, context(req.get("context"))));
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
