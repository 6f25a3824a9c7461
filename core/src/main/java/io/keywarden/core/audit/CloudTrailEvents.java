package io.keywarden.core.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The one place a stored {@link AuditRecord} is seen as CloudTrail sees an event: its CloudTrail record (the
 * {@code CloudTrailEvent} JSON of {@code LookupEvents}: {@code eventVersion 1.08}, {@code userIdentity},
 * {@code requestParameters}, {@code responseElements}, ...), the event as {@code LookupEvents} lists it
 * ({@code EventId}, {@code Username}, {@code Resources}, ...), and what the trail's look-ups match on: the
 * {@code Username}, the resources an event names ({@code ResourceType}/{@code ResourceName}) and the access key ID it
 * issued.
 *
 * <p>Resources are read from the event's request parameters and response elements (secrets were already left out
 * when the event was made): {@code userName} → {@code AWS::IAM::User}, {@code roleName} and {@code roleArn} →
 * {@code AWS::IAM::Role}, {@code policyArn} and {@code policyName} → {@code AWS::IAM::Policy}, {@code accessKeyId}
 * → {@code AWS::IAM::AccessKey}; of the response, an issued key ({@code accessKey.accessKeyId} of CreateAccessKey,
 * {@code credentials.accessKeyId} of STS) → {@code AWS::IAM::AccessKey}, {@code accessKey.userName} and
 * {@code user.userName} → {@code AWS::IAM::User}, {@code policy.arn} → {@code AWS::IAM::Policy},
 * {@code assumedRoleUser.arn} → {@code AWS::STS::AssumedRole}. Only IAM and STS events name resources (the
 * parameters of a look-up are filters, not resources).
 */
public final class CloudTrailEvents {
    /** CloudTrail's record version this shape follows. */
    public static final String EVENT_VERSION = "1.08";
    /** The region of every event: the trail does not record the request's region (docs/operations.md). */
    public static final String REGION = "us-east-1";
    public static final String USER = "AWS::IAM::User";
    public static final String ROLE = "AWS::IAM::Role";
    public static final String POLICY = "AWS::IAM::Policy";
    public static final String ACCESS_KEY = "AWS::IAM::AccessKey";
    public static final String ASSUMED_ROLE = "AWS::STS::AssumedRole";
    private static final ObjectMapper JSON = new ObjectMapper();

    private CloudTrailEvents() {
    }

    /** One resource an event names, as {@code LookupEvents} lists it. */
    public record Resource(String type, String name) {
    }

    // ---------------------------------------------------------------- what look-ups match on

    /**
     * CloudTrail's {@code Username} of the caller: the IAM user's name, {@code root} for the root user, the session
     * name for an assumed role; null when authentication failed.
     */
    public static String username(AuditRecord r) {
        return switch (r.principalType()) {
            case "Root" -> "root";
            case "AssumedRole" -> r.principalArn() == null ? null
                    : r.principalArn().substring(r.principalArn().lastIndexOf('/') + 1);
            default -> r.userName();
        };
    }

    /**
     * The access key ID a successful call issued (CreateAccessKey's {@code accessKey.accessKeyId}, an STS call's
     * {@code credentials.accessKeyId}); null when it issued none. Key IDs are not secret.
     */
    public static String issuedAccessKeyId(AuditRecord r) {
        if (r.responseElements() == null || !namesResources(r)) {
            return null;
        }
        return issuedAccessKeyId(parse(r.responseElements()));
    }

    /** Whether the event was signed with {@code keyId} or issued it (the look-up by {@code AccessKeyId}). */
    public static boolean concernsAccessKey(AuditRecord r, String keyId) {
        if (keyId.equals(r.accessKeyId())) {
            return true;
        }
        // cheap test first: only an event whose response mentions the key can have issued it
        return r.responseElements() != null && r.responseElements().contains(keyId)
                && keyId.equals(issuedAccessKeyId(r));
    }

    /** The key IDs the look-up by {@code AccessKeyId} finds the event under: the signing key and an issued one. */
    public static Set<String> accessKeyIds(AuditRecord r) {
        Set<String> out = new LinkedHashSet<>(2);
        if (r.accessKeyId() != null && !r.accessKeyId().isEmpty()) {
            out.add(r.accessKeyId());
        }
        String issued = issuedAccessKeyId(r);
        if (issued != null) {
            out.add(issued);
        }
        return out;
    }

    /** The resources the event names, in the order found, without repeats. */
    public static List<Resource> resources(AuditRecord r) {
        if (!namesResources(r)) {
            return List.of();
        }
        Set<Resource> out = new LinkedHashSet<>();
        JsonNode request = r.requestParameters() == null ? null : parse(r.requestParameters());
        if (request != null) {
            add(out, USER, request.get("userName"));
            add(out, ROLE, request.get("roleName"));
            add(out, ROLE, request.get("roleArn"));
            add(out, POLICY, request.get("policyArn"));
            add(out, POLICY, request.get("policyName"));
            add(out, ACCESS_KEY, request.get("accessKeyId"));
        }
        JsonNode response = r.responseElements() == null ? null : parse(r.responseElements());
        if (response != null) {
            add(out, ACCESS_KEY, textNode(issuedAccessKeyId(response)));
            add(out, USER, response.path("accessKey").get("userName"));
            add(out, USER, response.path("user").get("userName"));
            add(out, POLICY, response.path("policy").get("arn"));
            add(out, ASSUMED_ROLE, response.path("assumedRoleUser").get("arn"));
        }
        return List.copyOf(out);
    }

    /** Whether the event names a resource of this name (the look-up by {@code ResourceName}). */
    public static boolean namesResource(AuditRecord r, String name) {
        boolean mentioned = r.requestParameters() != null && r.requestParameters().contains(name)
                || r.responseElements() != null && r.responseElements().contains(name);
        return mentioned && resources(r).stream().anyMatch(x -> x.name().equals(name));
    }

    /** Whether the event names a resource of this type (the look-up by {@code ResourceType}). */
    public static boolean namesResourceType(AuditRecord r, String type) {
        return resources(r).stream().anyMatch(x -> x.type().equals(type));
    }

    // ---------------------------------------------------------------- shapes

    /**
     * The event as {@code LookupEvents} lists it: {@code EventId}, {@code EventName}, {@code ReadOnly} ("true" or
     * "false"), {@code AccessKeyId}, {@code EventTime} (epoch seconds), {@code EventSource}, {@code Username},
     * {@code Resources} and {@code CloudTrailEvent} (the record's JSON text); absent values left out.
     */
    public static ObjectNode lookupEvent(AuditRecord r) {
        ObjectNode e = JSON.createObjectNode();
        e.put("EventId", r.eventId());
        e.put("EventName", r.eventName());
        e.put("ReadOnly", Boolean.toString(r.readOnly()));
        putIfPresent(e, "AccessKeyId", r.accessKeyId());
        e.put("EventTime", BigDecimal.valueOf(r.eventTime().toEpochMilli(), 3));
        e.put("EventSource", r.eventSource());
        putIfPresent(e, "Username", username(r));
        ArrayNode resources = e.putArray("Resources");
        for (Resource x : resources(r)) {
            resources.addObject().put("ResourceType", x.type()).put("ResourceName", x.name());
        }
        e.put("CloudTrailEvent", cloudTrailEventJson(r));
        return e;
    }

    /** The CloudTrail record of the event, as JSON text (the {@code CloudTrailEvent} of {@code LookupEvents}). */
    public static String cloudTrailEventJson(AuditRecord r) {
        try {
            return JSON.writeValueAsString(cloudTrailEvent(r));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the CloudTrail record of event " + r.eventId(), e);
        }
    }

    /**
     * The CloudTrail record of the event: {@code eventVersion}, {@code userIdentity}, {@code eventTime} (ISO-8601,
     * seconds), {@code eventSource}, {@code eventName}, {@code awsRegion}, {@code sourceIPAddress},
     * {@code userAgent}, {@code errorCode} and {@code errorMessage} when it failed, {@code requestParameters} and
     * {@code responseElements} (null when none, secrets hidden), {@code requestID}, {@code eventID},
     * {@code readOnly}, {@code eventType} {@code AwsApiCall}, {@code managementEvent}, {@code recipientAccountId},
     * {@code eventCategory} {@code Management}.
     */
    public static ObjectNode cloudTrailEvent(AuditRecord r) {
        ObjectNode e = JSON.createObjectNode();
        e.put("eventVersion", EVENT_VERSION);
        e.set("userIdentity", userIdentity(r));
        e.put("eventTime", r.eventTime().truncatedTo(ChronoUnit.SECONDS).toString());
        e.put("eventSource", r.eventSource());
        e.put("eventName", r.eventName());
        e.put("awsRegion", REGION);
        putIfPresent(e, "sourceIPAddress", r.sourceIp());
        putIfPresent(e, "userAgent", r.userAgent());
        putIfPresent(e, "errorCode", r.errorCode());
        putIfPresent(e, "errorMessage", r.errorMessage());
        e.set("requestParameters", r.requestParameters() == null ? e.nullNode() : parse(r.requestParameters()));
        e.set("responseElements", r.responseElements() == null ? e.nullNode() : parse(r.responseElements()));
        e.put("requestID", r.requestId());
        e.put("eventID", r.eventId());
        e.put("readOnly", r.readOnly());
        e.put("eventType", "AwsApiCall");
        e.put("managementEvent", true);
        e.put("recipientAccountId", r.accountId());
        e.put("eventCategory", "Management");
        return e;
    }

    /**
     * CloudTrail's {@code userIdentity}: {@code type} ({@code IAMUser}, {@code Root}, {@code AssumedRole} or
     * {@code Unknown}), {@code principalId}, {@code arn}, {@code accountId}, {@code accessKeyId} and, for a user,
     * {@code userName}.
     */
    static ObjectNode userIdentity(AuditRecord r) {
        ObjectNode id = JSON.createObjectNode();
        id.put("type", r.principalType());
        putIfPresent(id, "principalId", r.principalId());
        putIfPresent(id, "arn", r.principalArn());
        if (r.principalArn() != null) {
            id.put("accountId", r.accountId());
        }
        putIfPresent(id, "accessKeyId", r.accessKeyId());
        if ("IAMUser".equals(r.principalType())) {
            putIfPresent(id, "userName", r.userName());
        }
        ObjectNode session = sessionContext(r);
        if (session != null) {
            id.set("sessionContext", session);
        }
        return id;
    }

    /**
     * CloudTrail's {@code userIdentity.sessionContext} of a call made with temporary credentials: {@code sessionIssuer}
     * (for a role session: {@code type Role}, {@code principalId AROA…}, {@code arn}, {@code accountId},
     * {@code userName}; empty for a GetSessionToken session, which has no issuer), {@code attributes}
     * ({@code creationDate} ISO-8601, {@code mfaAuthenticated} {@code "false"}/{@code "true"} as text) and
     * {@code sourceIdentity} when the session has one; null for long-term keys.
     */
    static ObjectNode sessionContext(AuditRecord r) {
        AuditSession s = r.session();
        if (s == null) {
            return null;
        }
        ObjectNode context = JSON.createObjectNode();
        ObjectNode issuer = context.putObject("sessionIssuer");
        if (s.issuerType() != null) {
            issuer.put("type", s.issuerType());
            putIfPresent(issuer, "principalId", s.issuerPrincipalId());
            putIfPresent(issuer, "arn", s.issuerArn());
            issuer.put("accountId", r.accountId());
            putIfPresent(issuer, "userName", s.issuerUserName());
        }
        ObjectNode attributes = context.putObject("attributes");
        attributes.put("creationDate", s.creationDate().truncatedTo(ChronoUnit.SECONDS).toString());
        attributes.put("mfaAuthenticated", Boolean.toString(s.mfaAuthenticated()));
        putIfPresent(context, "sourceIdentity", s.sourceIdentity());
        return context;
    }

    // ---------------------------------------------------------------- helpers

    private static boolean namesResources(AuditRecord r) {
        return r.succeeded() && (r.eventSource().equals("iam.amazonaws.com") || r.eventSource().equals("sts.amazonaws.com"));
    }

    private static String issuedAccessKeyId(JsonNode response) {
        if (response == null) {
            return null;
        }
        JsonNode id = response.path("accessKey").get("accessKeyId");
        if (id == null || !id.isTextual()) {
            id = response.path("credentials").get("accessKeyId");
        }
        return id != null && id.isTextual() && !id.textValue().isEmpty() ? id.textValue() : null;
    }

    private static JsonNode textNode(String value) {
        return value == null ? null : JSON.getNodeFactory().textNode(value);
    }

    private static void add(Set<Resource> out, String type, JsonNode value) {
        if (value != null && value.isTextual() && !value.textValue().isEmpty()) {
            out.add(new Resource(type, value.textValue()));
        }
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    /** A stored JSON field; one that is not JSON (changed outside Keywarden) as its text. */
    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            return JSON.getNodeFactory().textNode(json);
        }
    }

    /** The resource names the look-up by {@code ResourceName} finds the event under. */
    public static List<String> resourceNames(AuditRecord r) {
        List<String> out = new ArrayList<>();
        for (Resource x : resources(r)) {
            if (!out.contains(x.name())) {
                out.add(x.name());
            }
        }
        return out;
    }
}
