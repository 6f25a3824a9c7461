package io.keywarden.sdk.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.keywarden.core.keys.KeyStatus;
import io.keywarden.sdk.exception.KeywardenClientException;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads fields of a JSON object in an answer; a missing required field or a value of the wrong shape is a
 * {@link KeywardenClientException} naming the call and the field (never the value, which could be a secret).
 */
public final class AnswerReader {
    private final String call;
    private final String at;
    private final JsonNode node;

    AnswerReader(String call, String at, JsonNode node) {
        this.call = call;
        this.at = at;
        this.node = node;
    }

    public String requiredText(String field) {
        String value = optionalText(field);
        if (value == null) {
            throw missing(field);
        }
        return value;
    }

    /** The text, or {@code null} when the field is absent or JSON null. */
    public String optionalText(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw wrong(field, "a string");
        }
        return value.textValue();
    }

    public Instant requiredInstant(String field) {
        Instant value = optionalInstant(field);
        if (value == null) {
            throw missing(field);
        }
        return value;
    }

    public Instant optionalInstant(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isNumber()) {
            return Instant.ofEpochMilli(value.longValue());
        }
        try {
            return Json.MAPPER.treeToValue(value, Instant.class);
        } catch (Exception e) {
            throw wrong(field, "an ISO-8601 date");
        }
    }

    public long requiredLong(String field) {
        Long value = optionalLong(field);
        if (value == null) {
            throw missing(field);
        }
        return value;
    }

    public Long optionalLong(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.canConvertToLong() || !value.isIntegralNumber()) {
            throw wrong(field, "a whole number");
        }
        return value.longValue();
    }

    public boolean optionalBoolean(String field, boolean absent) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return absent;
        }
        if (!value.isBoolean()) {
            throw wrong(field, "true or false");
        }
        return value.booleanValue();
    }

    public KeyStatus requiredStatus(String field) {
        String value = requiredText(field);
        for (KeyStatus status : KeyStatus.values()) {
            if (status.wireName().equals(value)) {
                return status;
            }
        }
        throw wrong(field, "Active or Inactive");
    }

    public AnswerReader requiredObject(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw missing(field);
        }
        if (!value.isObject()) {
            throw wrong(field, "an object");
        }
        return new AnswerReader(call, path(field), value);
    }

    /** An object; null when the field is absent or JSON null. */
    public AnswerReader optionalObject(String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : requiredObject(field);
    }

    public List<AnswerReader> requiredArray(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw missing(field);
        }
        if (!value.isArray()) {
            throw wrong(field, "an array");
        }
        List<AnswerReader> items = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            if (!item.isObject()) {
                throw wrong(field + "[" + i + "]", "an object");
            }
            items.add(new AnswerReader(call, path(field) + "[" + i + "]", item));
        }
        return items;
    }

    /** An array of objects; empty when the field is absent or JSON null. */
    public List<AnswerReader> optionalArray(String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? List.of() : requiredArray(field);
    }

    /** An array of strings. */
    public List<String> requiredTextArray(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw missing(field);
        }
        if (!value.isArray()) {
            throw wrong(field, "an array");
        }
        List<String> items = new ArrayList<>(value.size());
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            if (!item.isTextual()) {
                throw wrong(field + "[" + i + "]", "a string");
            }
            items.add(item.textValue());
        }
        return items;
    }

    public int requiredInt(String field) {
        if (node.get(field) == null || node.get(field).isNull()) {
            throw missing(field);
        }
        return optionalInt(field, 0);
    }

    public int optionalInt(String field, int absent) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return absent;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw wrong(field, "a whole number");
        }
        return value.intValue();
    }

    private String path(String field) {
        return at.isEmpty() ? field : at + "." + field;
    }

    private KeywardenClientException missing(String field) {
        return new KeywardenClientException("the answer to " + call + " lacks '" + path(field) + "'");
    }

    private KeywardenClientException wrong(String field, String expected) {
        return new KeywardenClientException("the answer to " + call + " has '" + path(field) + "' that is not "
                + expected);
    }
}
