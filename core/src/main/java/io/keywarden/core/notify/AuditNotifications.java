package io.keywarden.core.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keywarden.core.audit.AuditRecord;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The notifications that follow from audit events: the server writes them to the outbox in the transaction that
 * commits the events, so that what the trail durably records is announced at least once, and nothing the trail does
 * not hold is. Only calls that succeeded count:
 * <ul>
 *   <li>{@code policy.changed}: Put/Delete User/Role Policy, Attach/Detach User/Role Policy, CreatePolicy,
 *       DeletePolicy, UpdateAssumeRolePolicy, RevokeRoleSessions, RevokeUserSessions;</li>
 *   <li>{@code key.deactivated}: UpdateAccessKey to {@code Inactive}; {@code key.deleted}: DeleteAccessKey;</li>
 *   <li>{@code key.quarantined}: QuarantineAccessKey (and {@code policy.changed} when it attached the policy);</li>
 *   <li>{@code key.near_expiry}, {@code key.deactivated_by_policy}, {@code key.deleted_by_policy}: the key expiry
 *       scheduler's events (a policy's deactivation is announced as this, not also as {@code key.deactivated});
 *       the expiry policy's own changes (Put/DeleteKeyExpiryPolicy) are {@code policy.changed};</li>
 *   <li>{@code root_key.used}: any event of the root user signed with an access key, at most once per key per
 *       {@code rootKeyInterval} on this node (so a busy root key does not flood the receiver; every use stays in the
 *       audit trail).</li>
 * </ul>
 */
public final class AuditNotifications {
    static final Set<String> POLICY_CHANGES = Set.of("PutUserPolicy", "DeleteUserPolicy", "PutRolePolicy",
            "DeleteRolePolicy", "AttachUserPolicy", "DetachUserPolicy", "AttachRolePolicy", "DetachRolePolicy",
            "CreatePolicy", "DeletePolicy", "UpdateAssumeRolePolicy", "RevokeRoleSessions", "RevokeUserSessions",
            "PutKeyExpiryPolicy", "DeleteKeyExpiryPolicy");
    /** The key expiry scheduler's events (io.keywarden.core.expiry.KeyExpiryService) and what they announce. */
    static final java.util.Map<String, NotificationEvent> EXPIRY_EVENTS = java.util.Map.of(
            "KeyNearExpiry", NotificationEvent.KEY_NEAR_EXPIRY,
            "KeyDeactivatedByPolicy", NotificationEvent.KEY_DEACTIVATED_BY_POLICY,
            "KeyDeletedByPolicy", NotificationEvent.KEY_DELETED_BY_POLICY);
    private static final String EXPIRY_ACTOR_TYPE = "AWSService";
    static final String QUARANTINE = "QuarantineAccessKey";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_REMEMBERED_KEYS = 10_000;

    private final Clock clock;
    private final Duration rootKeyInterval;
    private final Map<String, Instant> rootKeyAnnounced = new ConcurrentHashMap<>();

    public AuditNotifications(Clock clock, Duration rootKeyInterval) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.rootKeyInterval = Objects.requireNonNull(rootKeyInterval, "rootKeyInterval");
    }

    /** The notifications the events call for, in the events' order. */
    public List<Notification> of(List<AuditRecord> events) {
        List<Notification> out = new ArrayList<>();
        for (AuditRecord e : events) {
            if (e.errorCode() != null) {
                continue;
            }
            String name = e.eventName();
            if (POLICY_CHANGES.contains(name)) {
                Map<String, Object> detail = actor(e);
                detail.put("change", name);
                JsonNode params = params(e);
                copy(params, detail, "userName", "roleName", "policyName", "policyArn");
                out.add(new Notification(NotificationEvent.POLICY_CHANGED, e.eventTime(), e.accountId(), detail));
            } else if (name.equals("UpdateAccessKey") && "Inactive".equals(params(e).path("status").asText())) {
                out.add(keyEvent(NotificationEvent.KEY_DEACTIVATED, e));
            } else if (name.equals("DeleteAccessKey")) {
                out.add(keyEvent(NotificationEvent.KEY_DELETED, e));
            } else if (name.equals(QUARANTINE)) {
                quarantine(e, out);
            } else if (EXPIRY_EVENTS.containsKey(name) && EXPIRY_ACTOR_TYPE.equals(e.principalType())) {
                out.add(expiryEvent(EXPIRY_EVENTS.get(name), e));
            }
            if ("Root".equals(e.principalType()) && e.accessKeyId() != null && e.principalArn() != null
                    && firstUseInInterval(e.accessKeyId())) {
                Map<String, Object> detail = actor(e);
                detail.put("eventName", name);
                detail.put("eventSource", e.eventSource());
                out.add(new Notification(NotificationEvent.ROOT_KEY_USED, e.eventTime(), e.accountId(), detail));
            }
        }
        return out;
    }

    /**
     * QuarantineAccessKey: {@code key.quarantined} (the key, its owner, the key's status after the call, the reason
     * given, whether the policy was already attached) and, when the policy was attached by this call,
     * {@code policy.changed} for the owner.
     */
    private static void quarantine(AuditRecord e, List<Notification> out) {
        JsonNode params = params(e);
        JsonNode result = response(e);
        String owner = result.path("userName").asText(null);
        String policyArn = result.path("policyArn").asText(null);
        boolean alreadyAttached = result.path("alreadyAttached").asBoolean(false);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("accessKeyId", params.path("accessKeyId").asText());
        detail.put("userName", owner);
        detail.put("status", result.path("status").asText(null));
        detail.put("reason", params.path("reason").asText(null));
        detail.put("policyArn", policyArn);
        detail.put("alreadyAttached", alreadyAttached);
        detail.putAll(actor(e));
        out.add(new Notification(NotificationEvent.KEY_QUARANTINED, e.eventTime(), e.accountId(), detail));
        if (!alreadyAttached) {
            Map<String, Object> changed = actor(e);
            changed.put("change", QUARANTINE);
            changed.put("userName", owner);
            changed.put("policyArn", policyArn);
            out.add(new Notification(NotificationEvent.POLICY_CHANGED, e.eventTime(), e.accountId(), changed));
        }
    }

    private Notification keyEvent(NotificationEvent event, AuditRecord e) {
        Map<String, Object> detail = new LinkedHashMap<>();
        JsonNode params = params(e);
        detail.put("accessKeyId", params.path("accessKeyId").asText());
        String owner = params.path("userName").asText(null);
        detail.put("userName", owner != null ? owner : e.userName());
        detail.put("reason", "api");
        detail.putAll(actor(e));
        return new Notification(event, e.eventTime(), e.accountId(), detail);
    }

    /** A key expiry policy's action: the key, its owner, the rule and threshold, the reason, the node that acted. */
    private static Notification expiryEvent(NotificationEvent event, AuditRecord e) {
        Map<String, Object> detail = new LinkedHashMap<>();
        JsonNode params = params(e);
        detail.put("accessKeyId", params.path("accessKeyId").asText());
        detail.put("userName", params.path("userName").isTextual() ? params.path("userName").asText() : null);
        detail.put("reason", "policy");
        copy(params, detail, "rule");
        if (params.path("thresholdDays").isNumber()) {
            detail.put("thresholdDays", params.path("thresholdDays").asInt());
        }
        if (params.path("ageDays").isNumber()) {
            detail.put("ageDays", params.path("ageDays").asLong());
        }
        if (params.path("unusedDays").isNumber()) {
            detail.put("unusedDays", params.path("unusedDays").asLong());
        }
        copy(params, detail, "node");
        detail.put("policyReason", params.path("reason").asText(null));
        detail.put("auditEventId", e.eventId());
        return new Notification(event, e.eventTime(), e.accountId(), detail);
    }

    private boolean firstUseInInterval(String accessKeyId) {
        Instant now = clock.instant();
        if (rootKeyAnnounced.size() > MAX_REMEMBERED_KEYS) {
            rootKeyAnnounced.clear();
        }
        boolean[] first = {false};
        rootKeyAnnounced.compute(accessKeyId, (k, last) -> {
            if (last == null || !now.isBefore(last.plus(rootKeyInterval))) {
                first[0] = true;
                return now;
            }
            return last;
        });
        return first[0];
    }

    private static Map<String, Object> actor(AuditRecord e) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("principalArn", e.principalArn());
        if (e.accessKeyId() != null) {
            detail.put("callerAccessKeyId", e.accessKeyId());
        }
        if (e.sourceIp() != null) {
            detail.put("sourceIp", e.sourceIp());
        }
        detail.put("auditEventId", e.eventId());
        return detail;
    }

    private static void copy(JsonNode from, Map<String, Object> to, String... fields) {
        for (String f : fields) {
            JsonNode v = from.get(f);
            if (v != null && v.isTextual()) {
                to.put(f, v.asText());
            }
        }
    }

    private static JsonNode params(AuditRecord e) {
        return tree(e.requestParameters());
    }

    private static JsonNode response(AuditRecord e) {
        return tree(e.responseElements());
    }

    private static JsonNode tree(String json) {
        if (json == null) {
            return JSON.createObjectNode();
        }
        try {
            JsonNode node = JSON.readTree(json);
            return node == null ? JSON.createObjectNode() : node;
        } catch (java.io.IOException ex) {
            return JSON.createObjectNode();
        }
    }
}
