package io.keywarden.core.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Removes secrets from what the audit trail records: any field whose name, lower-cased without punctuation,
 * contains {@code secret}, {@code password}, {@code signature}, {@code authorization}, {@code token},
 * {@code privatekey} or {@code masterkey} keeps its name but its value becomes {@value #HIDDEN} (CloudTrail's
 * wording), at any depth. So a secret access key, an Authorization header, a SigV4 signature or a session token is
 * never recorded. The JSON written has its object keys sorted, so equal inputs give equal text.
 */
public final class SecretRedaction {
    public static final String HIDDEN = "HIDDEN_DUE_TO_SECURITY_REASONS";
    private static final List<String> SENSITIVE = List.of("secret", "password", "signature", "authorization", "token",
            "privatekey", "masterkey");
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private SecretRedaction() {
    }

    /** Whether a field of this name holds something that must never be recorded. */
    public static boolean isSensitive(String fieldName) {
        StringBuilder sb = new StringBuilder(fieldName.length());
        for (int i = 0; i < fieldName.length(); i++) {
            char c = Character.toLowerCase(fieldName.charAt(i));
            if (Character.isLetterOrDigit(c)) {
                sb.append(c);
            }
        }
        String n = sb.toString().toLowerCase(Locale.ROOT);
        for (String s : SENSITIVE) {
            if (n.contains(s)) {
                return true;
            }
        }
        return false;
    }

    /** A copy of {@code node} with sensitive fields hidden and object keys sorted. */
    public static JsonNode redact(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isObject()) {
            TreeMap<String, JsonNode> sorted = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                sorted.put(e.getKey(), isSensitive(e.getKey()) ? JsonNodeFactory.instance.textNode(HIDDEN)
                        : redact(e.getValue()));
            }
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            sorted.forEach(out::set);
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JsonNodeFactory.instance.arrayNode();
            node.forEach(n -> out.add(redact(n)));
            return out;
        }
        return node.deepCopy();
    }

    /** Compact JSON text of {@code node} with secrets hidden; null for null. */
    public static String toJson(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        try {
            return JSON.writeValueAsString(redact(node));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /** Compact JSON text of string parameters with secrets hidden; null when there are none. */
    public static String toJson(Map<String, String> parameters) {
        if (parameters.isEmpty()) {
            return null;
        }
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        parameters.forEach(node::put);
        return toJson(node);
    }

    /** Parses JSON text (for tests and readers of the trail). */
    public static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON", e);
        }
    }
}
