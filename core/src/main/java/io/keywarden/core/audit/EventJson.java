package io.keywarden.core.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.keywarden.core.port.PageRequest;

import java.io.IOException;
import java.time.Instant;

/**
 * Writes an operation's typed request and result as the JSON of an audit event's {@code requestParameters} and
 * {@code responseElements}: record components by name (camelCase), null and empty ones left out, map keys sorted, times
 * as ISO-8601 instants, a page request as its {@code maxItems} and {@code marker}; and every {@link Sensitive} value
 * (a secret access key) as {@value #HIDDEN}, CloudTrail's wording. An object with nothing in it is no JSON at all.
 */
public final class EventJson {
    public static final String HIDDEN = "HIDDEN_DUE_TO_SECURITY_REASONS";
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
            .configure(SerializationFeature.FAIL_ON_EMPTY_BEANS, false)
            .setSerializationInclusion(JsonInclude.Include.NON_EMPTY)
            .registerModule(new SimpleModule("audit-events")
                    .addSerializer(Sensitive.class, new StdSerializer<>(Sensitive.class) {
                        @Override
                        public void serialize(Sensitive value, JsonGenerator out, SerializerProvider p) throws IOException {
                            out.writeString(HIDDEN);
                        }
                    })
                    .addSerializer(Instant.class, new StdSerializer<>(Instant.class) {
                        @Override
                        public void serialize(Instant value, JsonGenerator out, SerializerProvider p) throws IOException {
                            out.writeString(value.toString());
                        }
                    })
                    .addSerializer(PageRequest.class, new StdSerializer<>(PageRequest.class) {
                        @Override
                        public void serialize(PageRequest value, JsonGenerator out, SerializerProvider p)
                                throws IOException {
                            out.writeStartObject();
                            out.writeNumberField("maxItems", value.maxItems());
                            if (value.marker() != null) {
                                out.writeStringField("marker", value.marker());
                            }
                            out.writeEndObject();
                        }
                    }));

    private EventJson() {
    }

    /** Text values longer than this are cut first, so that what stays fits {@link AuditRecord#MAX_JSON}. */
    static final int[] VALUE_LIMITS = {Integer.MAX_VALUE, 4096, 512, 128};

    /**
     * The JSON text of a request or result; null when it has nothing to say. When it would be longer than an event
     * keeps ({@link AuditRecord#MAX_JSON}), long text values are cut (to 4,096, then 512, then 128 characters, each
     * marked with how long it was) rather than the whole object replaced, so identifiers — user names, key IDs, ARNs —
     * stay in the event.
     */
    public static String write(Object value) {
        if (value == null) {
            return null;
        }
        try {
            String json = JSON.writeValueAsString(value);
            if (json.equals("{}") || json.equals("null")) {
                return null;
            }
            for (int i = 1; i < VALUE_LIMITS.length && json.length() > AuditRecord.MAX_JSON; i++) {
                json = JSON.writeValueAsString(cut(JSON.valueToTree(value), VALUE_LIMITS[i]));
            }
            return json;
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalStateException("cannot write the audit event of " + value.getClass().getSimpleName(), e);
        }
    }

    /** A copy with every text value longer than {@code limit} cut to it and marked. */
    private static JsonNode cut(JsonNode node, int limit) {
        if (node.isTextual() && node.textValue().length() > limit) {
            String text = node.textValue();
            return TextNode.valueOf(text.substring(0, limit)
                    + "...[" + text.length() + " characters]");
        }
        if (node.isObject()) {
            ObjectNode out = JSON.createObjectNode();
            node.fields().forEachRemaining(e -> out.set(e.getKey(), cut(e.getValue(), limit)));
            return out;
        }
        if (node.isArray()) {
            ArrayNode out = JSON.createArrayNode();
            node.forEach(n -> out.add(cut(n, limit)));
            return out;
        }
        return node;
    }

    /** Parses JSON text (for readers of the trail and tests). */
    public static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON", e);
        }
    }
}
