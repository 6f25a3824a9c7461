package io.keywarden.server.audit;

import java.util.Map;
import java.util.Set;

/**
 * The event name (the IAM/STS action) of each route of the REST face, by HTTP method and route template, and the
 * facts the trail keeps about an event name: the service it belongs to and whether it only reads. The Query face
 * names its action itself ({@code Action}).
 */
final class AuditEventNames {
    static final String UNKNOWN = "UnknownOperation";

    private static final Map<String, String> REST = Map.ofEntries(
            Map.entry("POST /v1/users", "CreateUser"),
            Map.entry("GET /v1/users", "ListUsers"),
            Map.entry("GET /v1/users/{user}", "GetUser"),
            Map.entry("DELETE /v1/users/{user}", "DeleteUser"),
            Map.entry("POST /v1/users/{user}/access-keys", "CreateAccessKey"),
            Map.entry("GET /v1/users/{user}/access-keys", "ListAccessKeys"),
            Map.entry("PATCH /v1/users/{user}/access-keys/{id}", "UpdateAccessKey"),
            Map.entry("DELETE /v1/users/{user}/access-keys/{id}", "DeleteAccessKey"),
            Map.entry("GET /v1/access-keys/{id}/last-used", "GetAccessKeyLastUsed"),
            Map.entry("GET /v1/access-keys/{id}/info", "GetAccessKeyInfo"),
            Map.entry("GET /v1/access-keys/{id}/owner", "FindAccessKeyOwner"),
            Map.entry("GET /v1/caller-identity", "GetCallerIdentity"),
            Map.entry("PUT /v1/users/{user}/policies/{name}", "PutUserPolicy"),
            Map.entry("GET /v1/users/{user}/policies/{name}", "GetUserPolicy"),
            Map.entry("DELETE /v1/users/{user}/policies/{name}", "DeleteUserPolicy"),
            Map.entry("GET /v1/users/{user}/policies", "ListUserPolicies"),
            Map.entry("POST /v1/policies", "CreatePolicy"),
            Map.entry("GET /v1/policies", "ListPolicies"),
            Map.entry("GET /v1/policies/{arn}", "GetPolicy"),
            Map.entry("DELETE /v1/policies/{arn}", "DeletePolicy"),
            Map.entry("PUT /v1/users/{user}/attached-policies", "AttachUserPolicy"),
            Map.entry("DELETE /v1/users/{user}/attached-policies/{arn}", "DetachUserPolicy"),
            Map.entry("GET /v1/users/{user}/attached-policies", "ListAttachedUserPolicies"),
            Map.entry("POST /v1/simulate", "SimulatePrincipalPolicy"),
            Map.entry("POST /v1/credential-report", "GenerateCredentialReport"),
            Map.entry("GET /v1/credential-report", "GetCredentialReport"),
            Map.entry("GET /v1/audit-events", "LookupEvents"),
            Map.entry("GET /v1/audit-events/verify", "VerifyAuditTrail"));

    private static final Set<String> STS = Set.of("GetCallerIdentity", "GetAccessKeyInfo", "GetSessionToken",
            "AssumeRole", "GetFederationToken");
    private static final Set<String> KEYWARDEN = Set.of("LookupEvents", "VerifyAuditTrail", "FindAccessKeyOwner");

    private AuditEventNames() {
    }

    /** The event name of a REST route, or the method and template for a route not listed here. */
    static String forRoute(String method, String template) {
        String name = REST.get(method + " " + template);
        return name != null ? name : method + " " + template;
    }

    /** Whether every REST route of the server is named here (a test checks it against the router). */
    static boolean names(String method, String template) {
        return REST.containsKey(method + " " + template);
    }

    /** {@code iam.amazonaws.com}, {@code sts.amazonaws.com} or {@code keywarden} (Keywarden's own operations). */
    static String source(String eventName) {
        if (STS.contains(eventName)) {
            return "sts.amazonaws.com";
        }
        if (KEYWARDEN.contains(eventName)) {
            return "keywarden";
        }
        return "iam.amazonaws.com";
    }

    /** Whether an operation only reads (its event need not be written before the answer). */
    static boolean readOnly(String eventName) {
        return eventName.startsWith("Get") || eventName.startsWith("List") || eventName.startsWith("Lookup")
                || eventName.startsWith("Simulate") || eventName.startsWith("Verify")
                || eventName.startsWith("Find");
    }
}
