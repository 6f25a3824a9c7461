package io.keywarden.server.query;

import io.keywarden.core.error.KeywardenException;
import io.keywarden.core.operation.Parameters;
import io.keywarden.core.port.PageRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** The decoded parameters of one Query-protocol request, with AWS's validation errors for bad values. */
public final class QueryParams {
    private final Map<String, String> values;

    public QueryParams(Map<String, String> values) {
        this.values = Objects.requireNonNull(values);
    }

    /** An optional parameter; null when absent. */
    public String optional(String name) {
        return values.get(name);
    }

    /** A required parameter: AWS answers a missing one with a ValidationError naming the member in camelCase. */
    public String required(String name) {
        String v = values.get(name);
        if (v == null) {
            throw KeywardenException.validation(camel(name), "Member must not be null");
        }
        return v;
    }

    /**
     * A list parameter, {@code Name.member.1}, {@code Name.member.2}, ... in member order; empty when absent or sent
     * as the empty list {@code Name=}.
     */
    public List<String> list(String name) {
        List<String> out = new ArrayList<>();
        members(name).values().forEach(fields -> {
            String value = fields.get("");
            if (value == null) {
                throw KeywardenException.validation(camel(name), "Member must be a list of strings");
            }
            out.add(value);
        });
        return out;
    }

    /**
     * A list of structures, {@code Name.member.N.Field=value}: one map from field name to value per member, in
     * member order; empty when absent or sent as {@code Name=}.
     */
    public List<Map<String, String>> structList(String name) {
        List<Map<String, String>> out = new ArrayList<>();
        members(name).values().forEach(fields -> {
            if (fields.containsKey("")) {
                throw KeywardenException.validation(camel(name), "Member must be a list of structures");
            }
            out.add(Map.copyOf(fields));
        });
        return out;
    }

    /** Whether the request names the parameter at all (as a value, an empty list or list members). */
    public boolean has(String name) {
        if (values.containsKey(name)) {
            return true;
        }
        String prefix = name + ".";
        return values.keySet().stream().anyMatch(k -> k.startsWith(prefix));
    }

    /** Member number to (field name, or "" for a plain value) to value. */
    private TreeMap<Integer, Map<String, String>> members(String name) {
        String empty = values.get(name);
        if (empty != null && !empty.isEmpty()) {
            throw KeywardenException.validation(camel(name), "Member must be a list (" + name + ".member.N)");
        }
        String prefix = name + ".member.";
        TreeMap<Integer, Map<String, String>> members = new TreeMap<>();
        for (Map.Entry<String, String> e : values.entrySet()) {
            String key = e.getKey();
            if (!key.startsWith(name + ".")) {
                continue;
            }
            if (!key.startsWith(prefix)) {
                throw KeywardenException.validation(camel(name), "Member must be a list (" + name + ".member.N)");
            }
            String rest = key.substring(prefix.length());
            int dot = rest.indexOf('.');
            String number = dot < 0 ? rest : rest.substring(0, dot);
            String field = dot < 0 ? "" : rest.substring(dot + 1);
            int n = memberNumber(number);
            if (n < 1 || field.equals("") && dot >= 0) {
                throw KeywardenException.validation(camel(name), "Member must be a list (" + name + ".member.N)");
            }
            members.computeIfAbsent(n, i -> new java.util.LinkedHashMap<>()).put(field, e.getValue());
        }
        return members;
    }

    private static int memberNumber(String digits) {
        if (digits.isEmpty() || digits.length() > 4 || digits.charAt(0) == '0') {
            return -1;
        }
        for (int i = 0; i < digits.length(); i++) {
            if (digits.charAt(i) < '0' || digits.charAt(i) > '9') {
                return -1;
            }
        }
        return Integer.parseInt(digits);
    }

    public boolean bool(String name, boolean defaultValue) {
        return Parameters.bool(values.get(name), camel(name), defaultValue);
    }

    public Integer integer(String name) {
        return Parameters.integer(values.get(name), camel(name));
    }

    public PageRequest page() {
        return Parameters.page(values.get("Marker"), values.get("MaxItems"));
    }

    static String camel(String name) {
        return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
