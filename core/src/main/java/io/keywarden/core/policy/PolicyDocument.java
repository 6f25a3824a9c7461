package io.keywarden.core.policy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import io.keywarden.core.error.ErrorCode;
import io.keywarden.core.error.KeywardenException;
import io.keywarden.core.policy.condition.Condition;
import io.keywarden.core.policy.condition.QualifiedOperator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * An IAM identity-based policy document, parsed, checked and compiled: immutable, and cheap to evaluate many times
 * (see {@link CompiledPolicy} and {@link PolicyEvaluator}).
 *
 * <p>{@link #parse(String)} accepts what IAM accepts for a user's policy and rejects everything else with
 * {@link ErrorCode#MALFORMED_POLICY_DOCUMENT} and a message that says what is wrong and where: invalid JSON,
 * duplicate keys, unknown elements ({@code Principal} included: it has no place in an identity-based policy), a
 * {@code Version} other than {@code 2012-10-17} or {@code 2008-10-17}, a {@code Sid} that is not alphanumeric or
 * not unique, an {@code Effect} other than {@code Allow}/{@code Deny}, a statement without exactly one of
 * {@code Action}/{@code NotAction} and of {@code Resource}/{@code NotResource}, malformed actions and resources,
 * unknown condition operators, condition values the operator cannot use, empty lists, documents over 131,072
 * characters and characters outside TAB, LF, CR and U+0020–U+00FF.
 *
 * <p>A document without {@code Version} follows version 2008-10-17: policy variables are literal text.
 *
 * <p>{@link #parseTrust(String)} reads a role's trust policy ({@link Kind#TRUST}) with the same grammar, except that
 * each statement must name a {@code Principal} ({@code "*"} or {@code AWS}, {@code Service}, {@code Federated}
 * principals, see {@link PrincipalPattern}) and may have neither {@code NotPrincipal} nor {@code Resource} nor
 * {@code NotResource}, as IAM rules for trust policies; {@link TrustPolicy} evaluates it.
 */
public final class PolicyDocument {
    /** IAM's limit on the length of a policy document, in characters. */
    public static final int MAX_LENGTH = 131_072;

    /** What a document is for, which decides the statement elements it takes. */
    public enum Kind {
        /** An identity-based policy (a user's or a role's): {@code Resource} required, no {@code Principal}. */
        IDENTITY,
        /**
         * A role's trust policy ({@code AssumeRolePolicyDocument}): {@code Principal} required, no
         * {@code NotPrincipal} and no {@code Resource} (the role is its resource), as IAM rules.
         */
        TRUST
    }

    private static final Set<String> TOP_LEVEL = Set.of("Version", "Id", "Statement");
    private static final Set<String> STATEMENT_ELEMENTS =
            Set.of("Sid", "Effect", "Action", "NotAction", "Resource", "NotResource", "Condition");
    private static final Set<String> PRINCIPAL_ELEMENTS = Set.of("Principal", "NotPrincipal");
    private static final Set<String> TRUST_STATEMENT_ELEMENTS =
            Set.of("Sid", "Effect", "Action", "NotAction", "Principal", "Condition");
    private static final Set<String> PRINCIPAL_TYPES = Set.of("AWS", "Service", "Federated");

    private static final Pattern START_MARKER = Pattern.compile(
            "\\(start marker at \\[Source: [^\\]]*?line: (\\d+), column: (\\d+)\\]\\)");

    private static final ObjectMapper MAPPER = new ObjectMapper(
            JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

    private final String json;
    private final Kind kind;
    private final PolicyVersion version;
    private final boolean versionDeclared;
    private final String id;
    private final List<Statement> statements;

    private PolicyDocument(String json, Kind kind, PolicyVersion version, boolean versionDeclared, String id,
                           List<Statement> statements) {
        this.json = json;
        this.kind = kind;
        this.version = version;
        this.versionDeclared = versionDeclared;
        this.id = id;
        this.statements = List.copyOf(statements);
    }

    /**
     * Parses and checks a policy document.
     *
     * @throws KeywardenException {@link ErrorCode#MALFORMED_POLICY_DOCUMENT} saying what is wrong
     */
    public static PolicyDocument parse(String json) {
        return parse(json, Kind.IDENTITY);
    }

    /**
     * Parses and checks a role's trust policy: the grammar of {@link #parse(String)}, where each statement must name
     * its {@code Principal} and may not have {@code NotPrincipal}, {@code Resource} or {@code NotResource}.
     *
     * @throws KeywardenException {@link ErrorCode#MALFORMED_POLICY_DOCUMENT} saying what is wrong
     */
    public static PolicyDocument parseTrust(String json) {
        return parse(json, Kind.TRUST);
    }

    /**
     * Parses and checks a document of the given kind.
     *
     * @throws KeywardenException {@link ErrorCode#MALFORMED_POLICY_DOCUMENT} saying what is wrong
     */
    public static PolicyDocument parse(String json, Kind kind) {
        java.util.Objects.requireNonNull(kind, "kind");
        if (json == null || json.isBlank()) {
            throw malformed("the policy document is empty");
        }
        if (json.length() > MAX_LENGTH) {
            throw malformed("the policy document is " + json.length() + " characters long; the maximum is "
                    + MAX_LENGTH);
        }
        checkCharacters(json);
        JsonNode root = readJson(json);
        if (!root.isObject()) {
            throw malformed("the policy document must be a json object");
        }
        return new Parser(json, kind).document(root);
    }

    /** The document's text, as given to {@link #parse(String)}. */
    public String json() {
        return json;
    }

    /** Whether this is an identity-based policy or a trust policy. */
    public Kind kind() {
        return kind;
    }

    /** The {@code Version} the document declares, if any. */
    public Optional<PolicyVersion> declaredVersion() {
        return versionDeclared ? Optional.of(version) : Optional.empty();
    }

    /** The version whose rules apply: the declared one, else 2008-10-17. */
    public PolicyVersion version() {
        return version;
    }

    /** The {@code Id}, if any. */
    public Optional<String> id() {
        return Optional.ofNullable(id);
    }

    public List<Statement> statements() {
        return statements;
    }

    /** The number of characters that are not white space: what IAM's policy-size quotas count. */
    public int sizeWithoutWhitespace() {
        int count = 0;
        for (int i = 0; i < json.length(); i++) {
            if (!Character.isWhitespace(json.charAt(i))) {
                count++;
            }
        }
        return count;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PolicyDocument other && json.equals(other.json);
    }

    @Override
    public int hashCode() {
        return json.hashCode();
    }

    @Override
    public String toString() {
        return json;
    }

    // ---- parsing --------------------------------------------------------------------------------------------

    private static void checkCharacters(String json) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c == '\n') {
                line++;
                column = 1;
                continue;
            }
            if (!(c == '\t' || c == '\r' || (c >= 0x20 && c <= 0xFF))) {
                throw malformed(String.format("the policy document contains a character that is not allowed "
                        + "(U+%04X) at line %d, column %d; only tab, line feed, carriage return and U+0020 to U+00FF "
                        + "are", (int) c, line, column));
            }
            column++;
        }
    }

    private static JsonNode readJson(String json) {
        try {
            JsonNode root = MAPPER.readTree(json);
            if (root == null || root.isMissingNode()) {
                throw malformed("this policy contains invalid json: the document is empty");
            }
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation location = e.getLocation();
            String where = location == null || location.getLineNr() < 0 ? ""
                    : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
            throw malformed("this policy contains invalid json" + where + ": " + describe(e.getOriginalMessage()));
        }
    }

    private static String describe(String message) {
        if (message == null || message.isBlank()) {
            return "it cannot be parsed";
        }
        String first = START_MARKER.matcher(message.strip()).replaceAll("(opened at line $1, column $2)");
        int newline = first.indexOf('\n');
        if (newline >= 0) {
            first = first.substring(0, newline).strip();
        }
        while (first.endsWith(".")) {
            first = first.substring(0, first.length() - 1);
        }
        if (!first.isEmpty() && Character.isUpperCase(first.charAt(0))
                && (first.length() == 1 || !Character.isUpperCase(first.charAt(1)))) {
            first = Character.toLowerCase(first.charAt(0)) + first.substring(1);
        }
        return first;
    }

    static KeywardenException malformed(String message) {
        return new KeywardenException(ErrorCode.MALFORMED_POLICY_DOCUMENT, message);
    }

    /** Walks the JSON tree; one instance per document. */
    private static final class Parser {
        private final String json;
        private final Kind kind;
        private boolean variables;

        Parser(String json, Kind kind) {
            this.json = json;
            this.kind = kind;
        }

        PolicyDocument document(JsonNode root) {
            for (Map.Entry<String, JsonNode> element : root.properties()) {
                String name = element.getKey();
                if (!TOP_LEVEL.contains(name)) {
                    throw malformed(unknownElement(name, TOP_LEVEL) + " at the top level of the policy");
                }
            }
            PolicyVersion version = PolicyVersion.V2008_10_17;
            boolean declared = false;
            JsonNode versionNode = root.get("Version");
            if (versionNode != null) {
                String text = versionNode.isTextual() ? versionNode.textValue() : versionNode.toString();
                version = PolicyVersion.fromJsonName(text).orElseThrow(() -> malformed(
                        "element 'Version' must be '2012-10-17' or '2008-10-17', not '" + text + "'"));
                declared = true;
            }
            variables = version.supportsVariables();
            String id = null;
            JsonNode idNode = root.get("Id");
            if (idNode != null) {
                if (!idNode.isTextual()) {
                    throw malformed("element 'Id' must be a string");
                }
                id = idNode.textValue();
            }
            JsonNode statementNode = root.get("Statement");
            if (statementNode == null) {
                throw malformed("the policy has no 'Statement'");
            }
            List<JsonNode> nodes = new ArrayList<>();
            if (statementNode.isObject()) {
                nodes.add(statementNode);
            } else if (statementNode.isArray()) {
                if (statementNode.isEmpty()) {
                    throw malformed("element 'Statement' must not be an empty list");
                }
                statementNode.forEach(nodes::add);
            } else {
                throw malformed("element 'Statement' must be an object or a list of objects");
            }
            List<Statement> statements = new ArrayList<>();
            Map<String, Integer> sids = new HashMap<>();
            for (int i = 0; i < nodes.size(); i++) {
                Statement statement = statement(nodes.get(i), i);
                statement.sid().ifPresent(sid -> {
                    Integer previous = sids.putIfAbsent(sid, statement.index());
                    if (previous != null) {
                        throw malformed("statement ids (Sid) in the policy are not unique: '" + sid + "' is the Sid"
                                + " of " + Statement.label(previous) + " and " + Statement.label(statement.index()));
                    }
                });
                statements.add(statement);
            }
            return new PolicyDocument(json, kind, version, declared, id, statements);
        }

        private Statement statement(JsonNode node, int index) {
            String at = "in " + Statement.label(index);
            if (!node.isObject()) {
                throw malformed(at + ": a statement must be an object");
            }
            String sid = null;
            JsonNode sidNode = node.get("Sid");
            if (sidNode != null) {
                if (!sidNode.isTextual()) {
                    throw malformed(at + ": 'Sid' must be a string");
                }
                sid = sidNode.textValue();
                for (int i = 0; i < sid.length(); i++) {
                    char c = sid.charAt(i);
                    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
                        throw malformed(at + ": 'Sid' must be alphanumeric ([0-9A-Za-z]*), not '" + sid + "'");
                    }
                }
                if (!sid.isEmpty()) {
                    at = at + " (Sid '" + sid + "')";
                }
            }
            for (Map.Entry<String, JsonNode> element : node.properties()) {
                String name = element.getKey();
                if (kind == Kind.TRUST) {
                    checkTrustElement(name, at);
                    continue;
                }
                if (PRINCIPAL_ELEMENTS.contains(name)) {
                    throw malformed(at + ": '" + name + "' is not allowed in an identity-based policy (the principal"
                            + " is the user the policy is attached to)");
                }
                if (!STATEMENT_ELEMENTS.contains(name)) {
                    throw malformed(at + ": " + unknownElement(name, STATEMENT_ELEMENTS));
                }
            }
            JsonNode effectNode = node.get("Effect");
            if (effectNode == null) {
                throw malformed(at + ": missing 'Effect'");
            }
            Effect effect;
            if (effectNode.isTextual() && effectNode.textValue().equals("Allow")) {
                effect = Effect.ALLOW;
            } else if (effectNode.isTextual() && effectNode.textValue().equals("Deny")) {
                effect = Effect.DENY;
            } else {
                throw malformed(at + ": 'Effect' must be 'Allow' or 'Deny', not "
                        + (effectNode.isTextual() ? "'" + effectNode.textValue() + "'" : effectNode.toString()));
            }

            boolean notAction = exactlyOne(node, "Action", "NotAction", at);
            String actionElement = notAction ? "NotAction" : "Action";
            List<ActionPattern> actions = new ArrayList<>();
            for (String text : strings(node.get(actionElement), actionElement, at)) {
                actions.add(within(at, () -> ActionPattern.parse(text)));
            }

            if (kind == Kind.TRUST) {
                List<PrincipalPattern> principals = principals(node.get("Principal"), at);
                List<Condition> conditions = conditions(node.get("Condition"), at);
                return new Statement(index, sid, effect, notAction, actions, false, List.of(), conditions,
                        principals);
            }

            boolean notResource = exactlyOne(node, "Resource", "NotResource", at);
            String resourceElement = notResource ? "NotResource" : "Resource";
            List<ResourcePattern> resources = new ArrayList<>();
            for (String text : strings(node.get(resourceElement), resourceElement, at)) {
                resources.add(within(at, () -> ResourcePattern.parse(text, variables)));
            }

            List<Condition> conditions = conditions(node.get("Condition"), at);
            return new Statement(index, sid, effect, notAction, actions, notResource, resources, conditions);
        }

        /** The statement elements of a trust policy, with IAM's reasons for the ones it refuses. */
        private static void checkTrustElement(String name, String at) {
            if (name.equals("Resource") || name.equals("NotResource")) {
                throw malformed(at + ": has prohibited field '" + name + "' (a role trust policy names no resource:"
                        + " the role is its resource)");
            }
            if (name.equals("NotPrincipal")) {
                throw malformed(at + ": 'NotPrincipal' is not allowed in a role trust policy");
            }
            if (!TRUST_STATEMENT_ELEMENTS.contains(name)) {
                throw malformed(at + ": " + unknownElement(name, TRUST_STATEMENT_ELEMENTS));
            }
        }

        /** {@code "*"}, or an object from principal types ({@code AWS}, {@code Service}, {@code Federated}) to values. */
        private static List<PrincipalPattern> principals(JsonNode node, String at) {
            if (node == null) {
                throw malformed(at + ": missing required field 'Principal' (a role trust policy names who may"
                        + " assume the role)");
            }
            List<PrincipalPattern> principals = new ArrayList<>();
            if (node.isTextual()) {
                if (!node.textValue().equals("*")) {
                    throw malformed(at + ": Invalid principal in policy: '" + node.textValue() + "' ('Principal' is"
                            + " \"*\" or an object such as {\"AWS\": \"arn:aws:iam::123456789012:root\"})");
                }
                principals.add(PrincipalPattern.anyone());
                return principals;
            }
            if (!node.isObject() || node.isEmpty()) {
                throw malformed(at + ": 'Principal' must be \"*\" or an object mapping principal types (AWS, Service,"
                        + " Federated) to values");
            }
            for (Map.Entry<String, JsonNode> entry : node.properties()) {
                String type = entry.getKey();
                if (!PRINCIPAL_TYPES.contains(type)) {
                    throw malformed(at + ": unknown principal type '" + type + "' (AWS, Service or Federated)");
                }
                for (String value : strings(entry.getValue(), "Principal." + type, at)) {
                    principals.add(within(at, () -> PrincipalPattern.parse(type, value)));
                }
            }
            return principals;
        }

        /** True if the second element is the one present. */
        private static boolean exactlyOne(JsonNode node, String element, String notElement, String at) {
            boolean has = node.has(element);
            boolean hasNot = node.has(notElement);
            if (has && hasNot) {
                throw malformed(at + ": '" + element + "' and '" + notElement + "' cannot both be present");
            }
            if (!has && !hasNot) {
                throw malformed(at + ": missing '" + element + "' or '" + notElement + "'");
            }
            return hasNot;
        }

        private static List<String> strings(JsonNode node, String element, String at) {
            List<String> result = new ArrayList<>();
            if (node.isTextual()) {
                result.add(node.textValue());
            } else if (node.isArray()) {
                if (node.isEmpty()) {
                    throw malformed(at + ": '" + element + "' must not be an empty list");
                }
                for (JsonNode item : node) {
                    if (!item.isTextual()) {
                        throw malformed(at + ": '" + element + "' must be a string or a list of strings");
                    }
                    result.add(item.textValue());
                }
            } else {
                throw malformed(at + ": '" + element + "' must be a string or a list of strings");
            }
            return result;
        }

        private List<Condition> conditions(JsonNode node, String at) {
            List<Condition> conditions = new ArrayList<>();
            if (node == null) {
                return conditions;
            }
            if (!node.isObject()) {
                throw malformed(at + ": 'Condition' must be an object mapping condition operators to keys and values");
            }
            for (Map.Entry<String, JsonNode> entry : node.properties()) {
                QualifiedOperator operator = within(at, () -> QualifiedOperator.parse(entry.getKey()));
                JsonNode block = entry.getValue();
                if (!block.isObject()) {
                    throw malformed(at + ": condition '" + entry.getKey() + "' must be an object mapping keys to"
                            + " values");
                }
                if (block.isEmpty()) {
                    throw malformed(at + ": condition '" + entry.getKey() + "' has no keys");
                }
                for (Map.Entry<String, JsonNode> keyEntry : block.properties()) {
                    String key = keyEntry.getKey();
                    List<String> values = conditionValues(keyEntry.getValue(), operator, key, at);
                    conditions.add(within(at, () -> Condition.of(operator, key, values, variables)));
                }
            }
            return conditions;
        }

        private static List<String> conditionValues(JsonNode node, QualifiedOperator operator, String key,
                                                    String at) {
            List<String> values = new ArrayList<>();
            if (node.isArray()) {
                if (node.isEmpty()) {
                    throw malformed(at + ": condition '" + operator + "' on key '" + key
                            + "' has an empty list of values");
                }
                for (JsonNode item : node) {
                    values.add(scalar(item, operator, key, at));
                }
            } else {
                values.add(scalar(node, operator, key, at));
            }
            return values;
        }

        private static String scalar(JsonNode node, QualifiedOperator operator, String key, String at) {
            if (node.isTextual()) {
                return node.textValue();
            }
            if (node.isNumber() || node.isBoolean()) {
                return node.asText();
            }
            throw malformed(at + ": condition '" + operator + "' on key '" + key
                    + "' must have a string, number or boolean value, or a list of them");
        }

        private static String unknownElement(String name, Set<String> known) {
            for (String candidate : known) {
                if (candidate.equalsIgnoreCase(name)) {
                    return "unknown element '" + name + "' (element names are case-sensitive: '" + candidate + "')";
                }
            }
            return "unknown element '" + name + "'";
        }

        /** Runs a check and prefixes where it failed to its message. */
        private static <T> T within(String at, Supplier<T> check) {
            try {
                return check.get();
            } catch (KeywardenException e) {
                throw malformed(at + ": " + e.getMessage());
            }
        }
    }
}
