package io.keywarden.sdk.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.keywarden.sdk.exception.KeywardenClientException;

import java.io.IOException;

/** The SDK's one JSON mapper (Jackson stays inside {@code internal}: no Jackson type is part of the API). */
public final class Json {
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private Json() {
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    public static byte[] write(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON tree", e);
        }
    }

    /**
     * The answer to {@code request} as a JSON object.
     *
     * @throws KeywardenClientException when the answer is not a JSON object; when the answer may hold a secret the
     *                                  exception carries no parser message or cause (they can quote the input)
     */
    public static AnswerReader readAnswer(ApiRequest request, ApiResponse response) {
        JsonNode node;
        try {
            node = MAPPER.readTree(response.body());
        } catch (IOException e) {
            String what = "the answer to " + request.describe() + " (status " + response.statusCode()
                    + ") is not valid JSON";
            throw request.secretInAnswer() ? new KeywardenClientException(what)
                    : new KeywardenClientException(what + ": " + (e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage()), e);
        }
        if (node == null || !node.isObject()) {
            throw new KeywardenClientException("the answer to " + request.describe() + " (status "
                    + response.statusCode() + ") is not a JSON object");
        }
        return new AnswerReader(request.describe(), "", node);
    }

    /**
     * Parses a JSON object.
     *
     * @throws IOException when {@code bytes} are not a JSON object
     */
    public static JsonNode readObject(byte[] bytes) throws IOException {
        JsonNode node = MAPPER.readTree(bytes);
        if (node == null || !node.isObject()) {
            throw new IOException("not a JSON object");
        }
        return node;
    }

    /** Writes a tree indented, for files people may read. */
    public static byte[] writePretty(JsonNode node) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a JSON tree", e);
        }
    }

    /** Reads a tree leniently: {@code null} for anything that is not a JSON object. */
    static JsonNode readTreeOrNull(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            JsonNode node = MAPPER.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }
}
