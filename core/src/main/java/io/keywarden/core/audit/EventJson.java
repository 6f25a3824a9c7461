package io.keywarden.core.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
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

    /** The JSON text of a request or result; null when it has nothing to say. */
    public static String write(Object value) {
        if (value == null) {
            return null;
        }
        try {
            String json = JSON.writeValueAsString(value);
            return json.equals("{}") || json.equals("null") ? null : json;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the audit event of " + value.getClass().getSimpleName(), e);
        }
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
