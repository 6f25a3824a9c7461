package io.keywarden.server.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.keywarden.core.keys.KeyStatus;
import io.keywarden.sdk.KeywardenClient;
import io.keywarden.sdk.auth.StaticCredentialsProvider;
import io.keywarden.sdk.model.AssumeRoleRequest;
import io.keywarden.sdk.model.CreateRoleRequest;
import io.keywarden.sdk.model.CredentialReport;
import io.keywarden.sdk.model.ListPoliciesRequest;
import io.keywarden.sdk.model.ListUsersRequest;
import io.keywarden.sdk.model.LookupAuditEventsRequest;
import io.keywarden.sdk.model.PolicyScope;
import io.keywarden.sdk.model.SimulationRequest;
import io.keywarden.server.support.GeneratedOpenApi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SDK against the OpenAPI document the server generates, so that neither can drift from the other: every
 * {@link KeywardenClient} call is made against a stand-in server that answers, for the documented operation the
 * request matches, a sample built from that operation's documented answer schema. Then
 * <ul>
 *   <li>every SDK model read from a JSON answer parses from a sample holding every documented field (types agree:
 *       strings, integers, booleans, arrays, objects, {@code date-time} strings) and from one holding only the
 *       required fields (what the SDK requires, the document requires);</li>
 *   <li>every component of those models changes when the sample's values change (the SDK reads it from a documented
 *       field, not from one the document lacks);</li>
 *   <li>every field the document marks required changes the SDK's result when it alone changes (the SDK knows it);</li>
 *   <li>every request body the SDK sends has only documented fields, of their types, and every required one; every
 *       query parameter it sends is documented, with a documented value;</li>
 *   <li>every class of {@code io.keywarden.sdk.model} is covered by the above or named here as not JSON.</li>
 * </ul>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SdkMatchesOpenApiDocumentTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY_ID = "AKIAQYLPMN5HHHFPZZZZ";

    /** The SDK's calls that read JSON answers or send JSON bodies or query parameters. */
    private static final Map<String, Function<KeywardenClient, Object>> CALLS = calls();

    /** SDK model classes that are not JSON of the REST face, and where they are checked instead. */
    private static final Set<String> NOT_JSON = Set.of(
            "CredentialReport", "CredentialReportRow", "CredentialReportRow$KeyColumns", // AWS's CSV: the CSV tests
            "PolicyScope", "ListUsersRequest", "ListPoliciesRequest", "LookupAuditEventsRequest", // query parameters
            "SimulationRequest", "CreateRoleRequest", "AssumeRoleRequest", // request bodies: checked as sent
            "Page", // the list answers' envelope, read with each list
            "ListUserSummariesRequest", "ListUserSummariesRequest$SortBy"); // query parameters

    /** Model components that do not come from the answer (or cannot vary in it), with the reason. */
    private static final Set<String> CONSTANT = Set.of(
            "AccessKeyInfo.accessKeyId", // the ID asked about, from the request
            "AccessKeyLastUsed.accessKeyId", // the ID asked about, from the request
            "CreatedAccessKey.status", // a new key is always Active
            "ManagedPolicy.defaultVersionId"); // always v1

    private Map<String, Object> document;
    private HttpServer server;
    private KeywardenClient client;
    private volatile Variant variant;
    private final Set<String> problems = new java.util.LinkedHashSet<>();
    private final Set<String> modelsSeen = new TreeSet<>();

    private static Map<String, Function<KeywardenClient, Object>> calls() {
        Map<String, Function<KeywardenClient, Object>> calls = new LinkedHashMap<>();
        calls.put("GetCallerIdentity", KeywardenClient::callerIdentity);
        calls.put("GetAccessKeyInfo", c -> c.getAccessKeyInfo(KEY_ID));
        calls.put("CreateUser", c -> c.createUser("alice", "/team/"));
        calls.put("GetUser", c -> c.getUser("alice"));
        calls.put("ListUsers", c -> c.listUsers(ListUsersRequest.builder().pathPrefix("/team/").marker("m")
                .maxItems(5).build()));
        calls.put("ListUserSummaries", c -> c.listUserSummaries(io.keywarden.sdk.model.ListUserSummariesRequest
                .builder().sort(io.keywarden.sdk.model.ListUserSummariesRequest.SortBy.PASSWORD_AGE).descending(true)
                .search("al").marker("m").maxItems(5).build()));
        calls.put("CreateAccessKey", c -> c.createAccessKey("alice", "ci deploy"));
        calls.put("ListAccessKeys", c -> c.listAccessKeys("alice", "m", 5));
        calls.put("UpdateAccessKey", c -> c.updateAccessKey("alice", KEY_ID, KeyStatus.INACTIVE));
        calls.put("GetAccessKeyLastUsed", c -> c.getAccessKeyLastUsed(KEY_ID));
        calls.put("FindAccessKeyOwner", c -> c.findKeyOwner(KEY_ID));
        calls.put("LookupEvents", c -> c.lookupAuditEvents(LookupAuditEventsRequest.builder().accessKeyId(KEY_ID)
                .userName("alice").eventName("CreateUser").from(Instant.parse("2026-01-01T00:00:00Z"))
                .to(Instant.parse("2026-02-01T00:00:00Z")).marker("m").maxItems(5).build()));
        calls.put("VerifyAuditTrail", KeywardenClient::verifyAuditTrail);
        calls.put("GetMasterKeyStatus", KeywardenClient::getMasterKeyStatus);
        calls.put("PutUserPolicy", c -> {
            c.putUserPolicy("alice", "P", "{\"Version\":\"2012-10-17\",\"Statement\":[]}");
            return null;
        });
        calls.put("GetUserPolicy", c -> c.getUserPolicy("alice", "P"));
        calls.put("ListUserPolicies", c -> c.listUserPolicies("alice", "m", 5));
        calls.put("CreatePolicy", c -> c.createPolicy("P", "/team/", "{\"Version\":\"2012-10-17\"}", "d"));
        calls.put("GetPolicy", c -> c.getPolicy("arn:aws:iam::123456789012:policy/P"));
        calls.put("ListPolicies", c -> c.listPolicies(ListPoliciesRequest.builder().scope(PolicyScope.LOCAL)
                .onlyAttached(true).pathPrefix("/team/").marker("m").maxItems(5).build()));
        calls.put("AttachUserPolicy", c -> {
            c.attachUserPolicy("alice", "arn:aws:iam::123456789012:policy/P");
            return null;
        });
        calls.put("ListAttachedUserPolicies", c -> c.listAttachedUserPolicies("alice", "m", 5));
        calls.put("SimulatePrincipalPolicy", c -> c.simulate(SimulationRequest.builder().userName("alice")
                .action("iam:GetUser").resource("arn:aws:iam::123456789012:user/alice")
                .context("aws:SourceIp", "203.0.113.7").build()));
        calls.put("GenerateCredentialReport", KeywardenClient::generateCredentialReport);
        // roles, STS sessions and revocation (issue 13)
        String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[]}";
        calls.put("CreateRole", c -> c.createRole(CreateRoleRequest.builder().roleName("deployer")
                .assumeRolePolicyDocument(trust).path("/ci/").description("d").maxSessionDuration(Duration.ofHours(2))
                .tag("team", "platform").build()));
        calls.put("GetRole", c -> c.getRole("deployer"));
        calls.put("ListRoles", c -> c.listRoles("/ci/", "m", 5));
        calls.put("UpdateRole", c -> {
            c.updateRole("deployer", "d", Duration.ofHours(3));
            return null;
        });
        calls.put("UpdateAssumeRolePolicy", c -> {
            c.updateAssumeRolePolicy("deployer", trust);
            return null;
        });
        calls.put("PutRolePolicy", c -> {
            c.putRolePolicy("deployer", "P", "{\"Version\":\"2012-10-17\",\"Statement\":[]}");
            return null;
        });
        calls.put("GetRolePolicy", c -> c.getRolePolicy("deployer", "P"));
        calls.put("ListRolePolicies", c -> c.listRolePolicies("deployer", "m", 5));
        calls.put("AttachRolePolicy", c -> {
            c.attachRolePolicy("deployer", "arn:aws:iam::123456789012:policy/P");
            return null;
        });
        calls.put("ListAttachedRolePolicies", c -> c.listAttachedRolePolicies("deployer", "m", 5));
        calls.put("RevokeRoleSessions", c -> {
            c.revokeRoleSessions("deployer");
            return null;
        });
        calls.put("RevokeUserSessions", c -> {
            c.revokeUserSessions("alice");
            return null;
        });
        calls.put("GetSessionToken", c -> c.getSessionToken(Duration.ofHours(1)));
        // console passwords (issue 15)
        calls.put("CreateLoginProfile", c -> c.createLoginProfile("alice", "Pass-word-1".toCharArray(), true));
        calls.put("GetLoginProfile", c -> c.getLoginProfile("alice"));
        calls.put("UpdateLoginProfile", c -> {
            c.updateLoginProfile("alice", "Pass-word-2".toCharArray(), false);
            return null;
        });
        calls.put("ChangePassword", c -> {
            c.changePassword("Pass-word-1".toCharArray(), "Pass-word-2".toCharArray());
            return null;
        });
        calls.put("CreateAccountAlias", c -> {
            c.createAccountAlias("my-alias");
            return null;
        });
        calls.put("AssumeRole", c -> c.assumeRole(AssumeRoleRequest.builder()
                .roleArn("arn:aws:iam::123456789012:role/ci/deployer").roleSessionName("s").duration(Duration.ofHours(1))
                .externalId("x").policy("{\"Version\":\"2012-10-17\",\"Statement\":[]}")
                .policyArns("arn:aws:iam::123456789012:policy/P").sourceIdentity("alice").build()));
        // tags and key hygiene (issue 16)
        calls.put("TagUser", c -> {
            c.tagUser("alice", List.of(io.keywarden.sdk.model.Tag.of("team", "platform")));
            return null;
        });
        calls.put("UntagUser", c -> {
            c.untagUser("alice", List.of("team", "env"));
            return null;
        });
        calls.put("ListUserTags", c -> c.listUserTags("alice", "m", 5));
        calls.put("TagRole", c -> {
            c.tagRole("deployer", List.of(io.keywarden.sdk.model.Tag.of("team", "platform")));
            return null;
        });
        calls.put("UntagRole", c -> {
            c.untagRole("deployer", List.of("team"));
            return null;
        });
        calls.put("ListRoleTags", c -> c.listRoleTags("deployer", "m", 5));
        calls.put("QuarantineAccessKey", c -> c.quarantineAccessKey(KEY_ID, "leaked", true));
        // webhooks (issue 16)
        calls.put("CreateWebhook", c -> c.createWebhook("https://hooks.example.com/", java.util.List.of("*"),
                "whsec_0123456789abcdef"));
        calls.put("ListWebhooks", KeywardenClient::listWebhooks);
        calls.put("GetWebhook", c -> c.getWebhook("wh-1"));
        calls.put("UpdateWebhook", c -> c.updateWebhook("wh-1", "https://x.example/", java.util.List.of("key.deleted"),
                true));
        calls.put("ListWebhookDeliveries", c -> c.listWebhookDeliveries("wh-1", "m", 5));
        // console sign-in, the password policy and aliases (issue 15)
        calls.put("ConsoleLogin", c -> c.consoleSignIn("123456789012", "alice", "Pass-word-1".toCharArray()));
        calls.put("ConsoleSignOut", c -> {
            c.consoleSignOut();
            return null;
        });
        calls.put("GetAccountPasswordPolicy", KeywardenClient::getAccountPasswordPolicy);
        calls.put("UpdateAccountPasswordPolicy", c -> {
            c.updateAccountPasswordPolicy(io.keywarden.sdk.model.PasswordPolicy.builder().minimumPasswordLength(12)
                    .requireSymbols(true).requireNumbers(true).requireUppercaseCharacters(true)
                    .requireLowercaseCharacters(true).allowUsersToChangePassword(true).maxPasswordAge(90)
                    .passwordReusePrevention(3).hardExpiry(true).build());
            return null;
        });
        calls.put("DeleteAccountPasswordPolicy", c -> {
            c.deleteAccountPasswordPolicy();
            return null;
        });
        calls.put("ListAccountAliases", c -> c.listAccountAliases("m", 5));
        calls.put("DeleteAccountAlias", c -> {
            c.deleteAccountAlias("my-alias");
            return null;
        });
        calls.put("DeleteLoginProfile", c -> {
            c.deleteLoginProfile("alice");
            return null;
        });
        // key expiry policies (issue 16)
        calls.put("GetKeyExpiryPolicy", KeywardenClient::getKeyExpiryPolicy);
        calls.put("PutKeyExpiryPolicy", c -> c.putKeyExpiryPolicy(io.keywarden.sdk.model.KeyExpiryPolicy.of(80, 90,
                30, 60, 120, List.of(new io.keywarden.sdk.model.KeyExpiryPolicy.Exemption("break-glass", "yes")),
                true)));
        calls.put("DeleteKeyExpiryPolicy", c -> {
            c.deleteKeyExpiryPolicy();
            return null;
        });
        calls.put("GetKeyHygieneReport", c -> c.getKeyHygieneReport("m", 5));
        return calls;
    }

    @BeforeAll
    void start() throws IOException {
        document = GeneratedOpenApi.load();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.start();
        client = KeywardenClient.builder()
                .endpoint(URI.create("http://127.0.0.1:" + server.getAddress().getPort()))
                .credentialsProvider(StaticCredentialsProvider.create(KEY_ID, "x".repeat(40)))
                .maxRetries(0)
                .build();
    }

    @AfterAll
    void stop() {
        client.close();
        server.stop(0);
    }

    @Test
    void everySdkCallMatchesTheDocumentedOperation() {
        for (Map.Entry<String, Function<KeywardenClient, Object>> call : CALLS.entrySet()) {
            check(call.getKey(), call.getValue());
        }
        assertThat(problems).as("the SDK and the generated OpenAPI document disagree").isEmpty();
    }

    @Test
    void everySdkModelIsCheckedOrNamedAsNotJson() throws Exception {
        for (Function<KeywardenClient, Object> call : CALLS.values()) {
            variant = Variant.A;
            collectModels(call.apply(client), modelsSeen);
        }
        Set<String> unchecked = new TreeSet<>(sdkModelClasses());
        unchecked.removeAll(modelsSeen);
        unchecked.removeAll(NOT_JSON);
        assertThat(unchecked).as("SDK models no call of this test reads").isEmpty();
    }

    private void check(String operationId, Function<KeywardenClient, Object> call) {
        Object a = run(operationId, call, Variant.A, "every documented field");
        Object b = run(operationId, call, Variant.B, "every documented field");
        // nothing the SDK requires is optional in the document
        run(operationId, call, Variant.REQUIRED_ONLY, "only the fields the document requires");
        if (a == null || b == null) {
            return; // no answer to read (204), or a problem already noted
        }
        compareComponents(operationId, a, b);
        for (String field : requiredFields(responseSchema(operationId), "")) {
            Object changed = run(operationId, call, Variant.aExcept(field), "another '" + field + "'");
            if (a.equals(changed)) {
                problems.add(operationId + ": the document requires '" + field + "', which the SDK does not read");
            }
        }
    }

    /** The call's result for an answer holding the variant's values; null (and a problem) when the SDK refuses it. */
    private Object run(String operationId, Function<KeywardenClient, Object> call, Variant v, String holding) {
        variant = v;
        try {
            return call.apply(client);
        } catch (RuntimeException e) {
            problems.add(operationId + ": the SDK refuses an answer holding " + holding + ": " + e.getMessage());
            return null;
        }
    }

    // ---------------------------------------------------------------- the stand-in server

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String method = exchange.getRequestMethod().toLowerCase();
            String path = exchange.getRequestURI().getRawPath();
            Map.Entry<String, Map<String, Object>> operation = operation(method, path);
            if (operation == null) {
                problems.add("the SDK calls " + method.toUpperCase() + " " + path + ", which the document lacks");
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            String id = (String) operation.getValue().get("operationId");
            checkQuery(id, operation.getValue(), exchange.getRequestURI().getRawQuery());
            checkBody(id, operation.getValue(), body);
            Map.Entry<String, Map<String, Object>> response = successResponse(operation.getValue());
            Map<String, Object> schema = jsonSchema(response.getValue());
            int status = Integer.parseInt(response.getKey());
            if (schema == null) {
                exchange.sendResponseHeaders(status, -1);
                return;
            }
            byte[] json = JSON.writeValueAsBytes(sample(schema, "", variant));
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, json.length);
            exchange.getResponseBody().write(json);
        }
    }

    @SuppressWarnings("unchecked")
    private Map.Entry<String, Map<String, Object>> operation(String method, String path) {
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) document.get("paths");
        for (Map.Entry<String, Map<String, Object>> entry : paths.entrySet()) {
            String regex = Pattern.quote(entry.getKey()).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q");
            if (path.matches(regex) && entry.getValue().get(method) instanceof Map<?, ?> op) {
                return Map.entry(entry.getKey(), (Map<String, Object>) op);
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    private void checkQuery(String id, Map<String, Object> operation, String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return;
        }
        List<Map<String, Object>> parameters = (List<Map<String, Object>>) operation.getOrDefault("parameters",
                List.of());
        for (String pair : rawQuery.split("&")) {
            String name = java.net.URLDecoder.decode(pair.substring(0, pair.indexOf('=')), StandardCharsets.UTF_8);
            String value = java.net.URLDecoder.decode(pair.substring(pair.indexOf('=') + 1), StandardCharsets.UTF_8);
            Map<String, Object> parameter = parameters.stream()
                    .filter(p -> "query".equals(p.get("in")) && name.equals(p.get("name"))).findFirst().orElse(null);
            if (parameter == null) {
                problems.add(id + ": the SDK sends query parameter '" + name + "', which the document lacks");
            } else if (!fits(resolve((Map<String, Object>) parameter.get("schema")), value)) {
                problems.add(id + ": the SDK sends " + name + "=" + value + ", which its documented schema refuses");
            }
        }
    }

    /** A query value against its documented schema (query values are text: integers and booleans as words). */
    @SuppressWarnings("unchecked")
    private static boolean fits(Map<String, Object> schema, String value) {
        if (schema.get("enum") instanceof List<?> values && !values.contains(value)) {
            return false;
        }
        return switch (String.valueOf(schema.get("type"))) {
            case "integer" -> value.matches("-?\\d+");
            case "boolean" -> value.equals("true") || value.equals("false");
            case "string" -> !"date-time".equals(schema.get("format")) || parses(value);
            default -> true;
        };
    }

    private static boolean parses(String instant) {
        try {
            Instant.parse(instant);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @SuppressWarnings("unchecked")
    private void checkBody(String id, Map<String, Object> operation, byte[] body) throws IOException {
        Map<String, Object> requestBody = (Map<String, Object>) operation.get("requestBody");
        if (requestBody == null) {
            if (body.length > 0) {
                problems.add(id + ": the SDK sends a body the document does not describe");
            }
            return;
        }
        Map<String, Object> schema = jsonSchema(requestBody);
        if (body.length == 0) {
            problems.add(id + ": the SDK sends no body; the document describes one");
            return;
        }
        checkValue(id + " request", schema, JSON.readTree(body), "");
    }

    /** A JSON value the SDK sent against a documented schema. */
    @SuppressWarnings("unchecked")
    private void checkValue(String where, Map<String, Object> schema, JsonNode value, String at) {
        Map<String, Object> s = resolve(schema);
        String type = String.valueOf(s.get("type"));
        boolean ok = switch (type) {
            case "string" -> value.isTextual() && (!(s.get("enum") instanceof List<?> values)
                    || values.contains(value.textValue()));
            case "integer" -> value.isIntegralNumber();
            case "boolean" -> value.isBoolean();
            case "array" -> value.isArray();
            case "object" -> value.isObject();
            default -> true;
        };
        if (!ok) {
            problems.add(where + ": '" + at + "' is " + value.getNodeType() + ", documented as " + type);
            return;
        }
        if (type.equals("object") && s.get("properties") instanceof Map<?, ?> properties) {
            value.fieldNames().forEachRemaining(name -> {
                if (!properties.containsKey(name)) {
                    problems.add(where + ": '" + at + name + "' is not documented");
                } else {
                    checkValue(where, (Map<String, Object>) properties.get(name), value.get(name), at + name + ".");
                }
            });
            for (Object required : (List<Object>) s.getOrDefault("required", List.of())) {
                if (!value.has((String) required)) {
                    problems.add(where + ": the document requires '" + at + required + "', which the SDK omits");
                }
            }
        }
        if (type.equals("array") && s.get("items") instanceof Map<?, ?> items) {
            value.forEach(item -> checkValue(where, (Map<String, Object>) items, item, at + "[]."));
        }
    }

    // ---------------------------------------------------------------- the document

    @SuppressWarnings("unchecked")
    private Map.Entry<String, Map<String, Object>> successResponse(Map<String, Object> operation) {
        Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) operation.get("responses");
        return responses.entrySet().stream().filter(e -> e.getKey().startsWith("2")).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> jsonSchema(Map<String, Object> withContent) {
        Map<String, Map<String, Object>> content = (Map<String, Map<String, Object>>) withContent.get("content");
        if (content == null || !content.containsKey("application/json")) {
            return null;
        }
        return (Map<String, Object>) content.get("application/json").get("schema");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> responseSchema(String operationId) {
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) document.get("paths");
        return paths.values().stream().flatMap(ops -> ops.values().stream())
                .filter(op -> op instanceof Map<?, ?> m && operationId.equals(m.get("operationId")))
                .map(op -> jsonSchema(successResponse((Map<String, Object>) op).getValue()))
                .findFirst().orElseThrow(() -> new AssertionError("no operation " + operationId));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> resolve(Map<String, Object> schema) {
        Object ref = schema.get("$ref");
        if (ref == null && schema.get("allOf") instanceof List<?> parts && parts.size() == 1 && !schema.containsKey("type")) {
            // a described reference: the generator writes {"description": …, "allOf": [{"$ref": …}]}
            return resolve((Map<String, Object>) parts.get(0));
        }
        if (ref == null) {
            return schema;
        }
        String name = ((String) ref).substring("#/components/schemas/".length());
        Map<String, Object> components = (Map<String, Object>) document.get("components");
        Map<String, Object> resolved = (Map<String, Object>) ((Map<String, Object>) components.get("schemas")).get(name);
        assertThat(resolved).as("schema " + name).isNotNull();
        return resolved;
    }

    /** The required fields of a schema and of the objects it requires, as dotted paths ({@code []} for items). */
    @SuppressWarnings("unchecked")
    private List<String> requiredFields(Map<String, Object> schema, String at) {
        Map<String, Object> s = resolve(schema);
        List<String> out = new ArrayList<>();
        if ("array".equals(s.get("type"))) {
            return requiredFields((Map<String, Object>) s.get("items"), at + "[].");
        }
        Map<String, Object> properties = (Map<String, Object>) s.getOrDefault("properties", Map.of());
        for (Object name : (List<Object>) s.getOrDefault("required", List.of())) {
            Map<String, Object> property = (Map<String, Object>) properties.get(name);
            if (!(resolve(property).get("enum") instanceof List<?> values && values.size() == 1)) {
                out.add(at + name); // a field with one possible value cannot show whether the SDK reads it
            }
            out.addAll(requiredFields(property, at + name + "."));
        }
        return out;
    }

    /** A sample value of a schema: every property (only the required ones for REQUIRED_ONLY). */
    @SuppressWarnings("unchecked")
    private JsonNode sample(Map<String, Object> schema, String at, Variant v) {
        Map<String, Object> s = resolve(schema);
        boolean a = v.a(at);
        String type = String.valueOf(s.get("type"));
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (s.get("enum") instanceof List<?> values) {
            return f.textNode(String.valueOf(values.get(a || values.size() == 1 ? 0 : 1)));
        }
        switch (type) {
            case "object" -> {
                ObjectNode out = f.objectNode();
                Map<String, Object> properties = (Map<String, Object>) s.getOrDefault("properties", Map.of());
                List<Object> required = (List<Object>) s.getOrDefault("required", List.of());
                properties.forEach((name, property) -> {
                    if (v != Variant.REQUIRED_ONLY || required.contains(name)) {
                        out.set(name, sample((Map<String, Object>) property, at + name + ".", v));
                    }
                });
                return out;
            }
            case "array" -> {
                ArrayNode out = f.arrayNode();
                out.add(sample((Map<String, Object>) s.get("items"), at + "[].", v));
                return out;
            }
            case "integer" -> {
                return f.numberNode(a ? 7 : 8);
            }
            case "boolean" -> {
                // a page answered with required fields only is the last page (isTruncated without a marker)
                return f.booleanNode(a);
            }
            case "string" -> {
                if ("date-time".equals(s.get("format"))) {
                    return f.textNode(a ? "2026-01-02T03:04:05.678Z" : "2026-05-06T07:08:09.123Z");
                }
                return f.textNode((a ? "a-" : "b-") + at);
            }
            default -> throw new AssertionError("schema at '" + at + "' has no type the test knows: " + s);
        }
    }

    /** Which values a sample holds: all of A, all of B, A but one field from B, or B's required fields only. */
    private record Variant(String bAt, boolean requiredOnly, boolean allB) {
        static final Variant A = new Variant(null, false, false);
        static final Variant B = new Variant(null, false, true);
        static final Variant REQUIRED_ONLY = new Variant(null, true, true);

        static Variant aExcept(String field) {
            return new Variant(field + ".", false, false);
        }

        /** Whether the value at {@code at} (a field path ending in a dot) takes A's value. */
        boolean a(String at) {
            if (allB) {
                return false;
            }
            return bAt == null || !at.startsWith(bAt);
        }
    }

    // ---------------------------------------------------------------- the SDK's models

    /** Every component of the models read twice must differ between the A and B samples, unless named constant. */
    private void compareComponents(String operationId, Object a, Object b) {
        if (a instanceof Collection<?> ca && b instanceof Collection<?> cb) {
            assertThat(ca).hasSameSizeAs(cb);
            var ia = ca.iterator();
            var ib = cb.iterator();
            while (ia.hasNext()) {
                compareComponents(operationId, ia.next(), ib.next());
            }
            return;
        }
        if (a == null || !a.getClass().isRecord()) {
            return;
        }
        for (RecordComponent component : a.getClass().getRecordComponents()) {
            Object va = value(component, a);
            Object vb = value(component, b);
            String name = a.getClass().getSimpleName() + "." + component.getName();
            if (java.util.Objects.equals(va, vb) && !CONSTANT.contains(name)) {
                problems.add(operationId + ": " + name + " does not come from a documented field (it is " + va
                        + " whatever the answer holds)");
            }
            compareComponents(operationId, va, vb);
        }
    }

    private static Object value(RecordComponent component, Object record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    private static void collectModels(Object value, Set<String> seen) {
        if (value instanceof Collection<?> c) {
            c.forEach(item -> collectModels(item, seen));
            return;
        }
        if (value == null || !value.getClass().getPackageName().equals("io.keywarden.sdk.model")) {
            return;
        }
        seen.add(value.getClass().getName().substring("io.keywarden.sdk.model.".length()));
        if (value.getClass().isRecord()) {
            for (RecordComponent component : value.getClass().getRecordComponents()) {
                collectModels(value(component, value), seen);
            }
        }
    }

    /** The classes of {@code io.keywarden.sdk.model}, from the SDK's classes directory or jar. */
    private static Set<String> sdkModelClasses() throws IOException, URISyntaxException {
        URL location = CredentialReport.class.getProtectionDomain().getCodeSource().getLocation();
        Path root = Path.of(location.toURI());
        Set<String> names = new TreeSet<>();
        if (Files.isDirectory(root)) {
            try (Stream<Path> files = Files.list(root.resolve("io/keywarden/sdk/model"))) {
                files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".class"))
                        .forEach(n -> names.add(n.substring(0, n.length() - ".class".length())));
            }
        } else {
            try (java.util.jar.JarFile jar = new java.util.jar.JarFile(root.toFile())) {
                jar.stream().map(java.util.jar.JarEntry::getName)
                        .filter(n -> n.startsWith("io/keywarden/sdk/model/") && n.endsWith(".class"))
                        .forEach(n -> names.add(n.substring("io/keywarden/sdk/model/".length(),
                                n.length() - ".class".length())));
            }
        }
        names.removeIf(n -> n.endsWith("$Builder") || n.contains("$1"));
        return names;
    }
}
