package io.keywarden.server.http;

import io.keywarden.core.error.ErrorCode;
import io.keywarden.core.error.KeywardenException;
import io.micronaut.json.tree.JsonNode;

/**
 * Strict reading of small JSON request bodies: the body must be an object and each field, when present, of its
 * documented type (no coercion of {@code 5} into {@code "5"}). Unknown fields are ignored.
 */
final class JsonBodies {
    private JsonBodies() {
    }

    static JsonNode requireObject(JsonNode body) {
        if (body == null) {
            throw KeywardenException.of(ErrorCode.VALIDATION_ERROR, "request body is required: a JSON object");
        }
        if (!body.isObject()) {
            throw KeywardenException.of(ErrorCode.VALIDATION_ERROR, "request body must be a JSON object");
        }
        return body;
    }

    /** The string field, or null when absent or JSON null. */
    static String optionalString(JsonNode object, String field) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw KeywardenException.validation(field, "Member must be a string");
        }
        return value.getStringValue();
    }

    static String requiredString(JsonNode object, String field) {
        String value = optionalString(object, field);
        if (value == null) {
            throw KeywardenException.validation(field, "Member must not be null");
        }
        return value;
    }
}
