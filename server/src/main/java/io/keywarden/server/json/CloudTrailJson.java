package io.keywarden.server.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.keywarden.core.audit.AuditEvent;
import io.keywarden.core.audit.CloudTrailEvents;
import io.keywarden.core.error.ErrorCode;
import io.keywarden.core.error.KeywardenException;
import io.keywarden.core.operation.Requests;
import io.keywarden.core.operation.Results;
import io.keywarden.core.port.PageRequest;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * CloudTrail's {@code LookupEvents} in the AWS JSON 1.1 protocol, as CloudTrail documents it: the request body
 * ({@code LookupAttributes} — at most one —, {@code StartTime} and {@code EndTime} as epoch seconds, both inclusive,
 * {@code EventCategory}, {@code MaxResults} 1–50 default 50, {@code NextToken}) becomes the typed request, refused
 * with CloudTrail's exceptions ({@code InvalidLookupAttributesException}, {@code InvalidTimeRangeException},
 * {@code InvalidMaxResultsException}, {@code InvalidNextTokenException}, {@code InvalidEventCategoryException};
 * {@code SerializationException} for a body that is not the request's JSON); the typed result becomes
 * {@code {"Events":[...],"NextToken"}}, each event as {@link CloudTrailEvents#lookupEvent}.
 */
public final class CloudTrailJson {
    public static final int DEFAULT_MAX_RESULTS = 50;
    public static final int MAX_RESULTS = 50;
    private static final int MAX_ATTRIBUTE_VALUE = 2000;
    /** An event ID no event has (IDs are UUIDs): the filter of a look-up of Insights events. */
    static final String NO_EVENT = "insight";
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    static {
        JSON.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(32)
                .maxNumberLength(64).maxStringLength(64 * 1024).build());
    }

    private CloudTrailJson() {
    }

    /** The typed request of a {@code LookupEvents} body (an empty body is an empty request). */
    public static Requests.LookupEvents lookupEvents(byte[] body) {
        JsonNode root = parse(body);
        JsonNode attributes = root.get("LookupAttributes");
        String key = null;
        String value = null;
        if (attributes != null && !attributes.isNull()) {
            if (!attributes.isArray()) {
                throw serialization("LookupAttributes must be a list");
            }
            if (attributes.size() > 1) {
                throw KeywardenException.of(ErrorCode.INVALID_LOOKUP_ATTRIBUTES,
                        "You can specify only one lookup attribute.");
            }
            if (attributes.size() == 1) {
                JsonNode attribute = attributes.get(0);
                if (!attribute.isObject()) {
                    throw serialization("a lookup attribute must be an object");
                }
                key = text(attribute, "AttributeKey");
                value = text(attribute, "AttributeValue");
                if (key == null || value == null) {
                    throw KeywardenException.of(ErrorCode.INVALID_LOOKUP_ATTRIBUTES,
                            "A lookup attribute needs both AttributeKey and AttributeValue.");
                }
                if (value.isEmpty() || value.length() > MAX_ATTRIBUTE_VALUE) {
                    throw KeywardenException.of(ErrorCode.INVALID_LOOKUP_ATTRIBUTES,
                            "AttributeValue must be between 1 and 2000 characters long.");
                }
            }
        }
        Instant start = time(root, "StartTime");
        Instant end = time(root, "EndTime");
        if (start != null && end != null && start.isAfter(end)) {
            throw KeywardenException.of(ErrorCode.INVALID_TIME_RANGE,
                    "Start time must be before or the same as end time.");
        }
        String category = text(root, "EventCategory");
        if (category != null && !category.equals("insight")) {
            throw KeywardenException.of(ErrorCode.INVALID_EVENT_CATEGORY,
                    "EventCategory must be insight, not '" + cut(category) + "'.");
        }
        int maxResults = DEFAULT_MAX_RESULTS;
        JsonNode max = root.get("MaxResults");
        if (max != null && !max.isNull()) {
            if (!max.isIntegralNumber()) {
                throw serialization("MaxResults must be an integer");
            }
            if (!max.canConvertToInt() || max.intValue() < 1 || max.intValue() > MAX_RESULTS) {
                throw KeywardenException.of(ErrorCode.INVALID_MAX_RESULTS,
                        "MaxResults must be between 1 and " + MAX_RESULTS + ".");
            }
            maxResults = max.intValue();
        }
        PageRequest page = new PageRequest(nextToken(text(root, "NextToken")), maxResults);
        // the end time is inclusive, the request's "to" exclusive: event times are whole milliseconds
        Instant to = end == null ? null : end.plusMillis(1);
        if (category != null) {
            // CloudTrail Insights events: Keywarden records none, so the look-up is one that nothing can match (still
            // authorised and recorded like any other)
            return new Requests.LookupEvents(null, null, null, null, null, null, NO_EVENT, null, start, to, page);
        }
        return attribute(key, value, start, to, page);
    }

    private static Requests.LookupEvents attribute(String key, String value, Instant from, Instant to,
                                                   PageRequest page) {
        if (key == null) {
            return new Requests.LookupEvents(null, null, null, null, null, null, null, null, from, to, page);
        }
        return switch (key) {
            case "AccessKeyId" -> new Requests.LookupEvents(value, null, null, null, null, null, null, null, from, to,
                    page);
            case "Username" -> new Requests.LookupEvents(null, value, null, null, null, null, null, null, from, to,
                    page);
            case "EventName" -> new Requests.LookupEvents(null, null, value, null, null, null, null, null, from, to,
                    page);
            case "ReadOnly" -> new Requests.LookupEvents(null, null, null, readOnly(value), null, null, null, null,
                    from, to, page);
            case "ResourceName" -> new Requests.LookupEvents(null, null, null, null, value, null, null, null, from,
                    to, page);
            case "ResourceType" -> new Requests.LookupEvents(null, null, null, null, null, value, null, null, from,
                    to, page);
            case "EventId" -> new Requests.LookupEvents(null, null, null, null, null, null, value, null, from, to,
                    page);
            case "EventSource" -> new Requests.LookupEvents(null, null, null, null, null, null, null, value, from,
                    to, page);
            default -> throw KeywardenException.of(ErrorCode.INVALID_LOOKUP_ATTRIBUTES, "'" + cut(key)
                    + "' is not a lookup attribute: use AccessKeyId, EventId, EventName, EventSource, ReadOnly,"
                    + " ResourceName, ResourceType or Username.");
        };
    }

    private static Boolean readOnly(String value) {
        return switch (value) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw KeywardenException.of(ErrorCode.INVALID_LOOKUP_ATTRIBUTES,
                    "The value of ReadOnly must be true or false.");
        };
    }

    /** The token as the page marker, refused here (not as a marker further down) when it is not one of ours. */
    private static String nextToken(String token) {
        if (token == null) {
            return null;
        }
        try {
            Long.parseLong(new PageRequest(token, 1).afterKey());
            return token;
        } catch (KeywardenException | NumberFormatException e) {
            throw KeywardenException.of(ErrorCode.INVALID_NEXT_TOKEN, "Invalid NextToken.");
        }
    }

    /** The answer: {@code {"Events":[...],"NextToken"}}, the token present exactly when more events follow. */
    public static byte[] answer(Results.EventList result) {
        ObjectNode out = JSON.createObjectNode();
        ArrayNode events = out.putArray("Events");
        for (AuditEvent e : result.events()) {
            events.add(CloudTrailEvents.lookupEvent(e.record()));
        }
        if (result.isTruncated() && result.marker() != null) {
            out.put("NextToken", result.marker());
        }
        try {
            return JSON.writeValueAsBytes(out);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a LookupEvents answer", e);
        }
    }

    private static JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            return JSON.createObjectNode();
        }
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (java.io.IOException e) {
            throw serialization("the body is not JSON");
        }
        if (root == null || root.isMissingNode()) {
            return JSON.createObjectNode();
        }
        if (!root.isObject()) {
            throw serialization("the body must be a JSON object");
        }
        return root; // unknown members are ignored, as AWS's JSON services do
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw serialization(field + " must be a string");
        }
        return value.textValue();
    }

    /** An epoch-seconds number (fractions allowed, as the SDKs send them) as an instant, cut to milliseconds. */
    private static Instant time(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isNumber()) {
            throw serialization(field + " must be a number of seconds since the epoch");
        }
        BigDecimal seconds = value.decimalValue();
        // Instant's range; CloudTrail refuses times it cannot represent as an invalid range
        if (seconds.compareTo(BigDecimal.valueOf(-31_557_014_167_219_200L)) < 0
                || seconds.compareTo(BigDecimal.valueOf(31_556_889_864_403_199L)) > 0) {
            throw KeywardenException.of(ErrorCode.INVALID_TIME_RANGE, field + " is out of range.");
        }
        BigDecimal millis = seconds.movePointRight(3);
        if (millis.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE / 2)) > 0) {
            throw KeywardenException.of(ErrorCode.INVALID_TIME_RANGE, field + " is out of range.");
        }
        return Instant.ofEpochMilli(millis.setScale(0, java.math.RoundingMode.FLOOR).longValueExact());
    }

    private static KeywardenException serialization(String what) {
        return KeywardenException.of(ErrorCode.SERIALIZATION, "Unable to read the request: " + what + ".");
    }

    private static String cut(String s) {
        String shown = s.length() > 64 ? s.substring(0, 64) + "..." : s;
        StringBuilder out = new StringBuilder();
        shown.codePoints().forEach(c -> out.appendCodePoint(c < 0x20 || c == 0x7F ? '?' : c));
        return out.toString();
    }
}
