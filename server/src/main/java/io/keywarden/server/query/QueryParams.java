package io.keywarden.server.query;

import io.keywarden.core.error.KeywardenException;
import io.keywarden.core.port.PageRequest;

import java.util.Map;
import java.util.Objects;

/** The decoded parameters of one Query-protocol request, with AWS's validation errors for bad values. */
public final class QueryParams {
    private final Map<String, String> values;

    QueryParams(Map<String, String> values) {
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

    public boolean bool(String name, boolean defaultValue) {
        String v = values.get(name);
        if (v == null) {
            return defaultValue;
        }
        if (v.equalsIgnoreCase("true")) {
            return true;
        }
        if (v.equalsIgnoreCase("false")) {
            return false;
        }
        throw KeywardenException.validation(camel(name), "Member must be a boolean (true or false)");
    }

    public PageRequest page() {
        String max = values.get("MaxItems");
        Integer maxItems = null;
        if (max != null) {
            try {
                maxItems = Integer.parseInt(max.trim());
            } catch (NumberFormatException e) {
                throw KeywardenException.validation("maxItems", "Member must be an integer between 1 and 1000");
            }
        }
        return PageRequest.of(values.get("Marker"), maxItems);
    }

    static String camel(String name) {
        return name.isEmpty() ? name : Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
