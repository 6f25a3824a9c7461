package io.keywarden.core.notify;

import java.util.Arrays;
import java.util.Optional;

/**
 * The events Keywarden announces, each with a stable wire name (the {@code event} of a delivery, the
 * {@code X-Keywarden-Event} header, what a webhook subscribes to). Names never change once released; new events are
 * added at the end.
 */
public enum NotificationEvent {
    /** An access key was deactivated (UpdateAccessKey to Inactive), by anyone, for any reason. */
    KEY_DEACTIVATED("key.deactivated"),
    /** An access key was deleted (DeleteAccessKey), by anyone, for any reason. */
    KEY_DELETED("key.deleted"),
    /** A policy changed: an inline policy put or deleted, a managed policy created, deleted, attached or detached, a trust policy replaced, sessions revoked. */
    POLICY_CHANGED("policy.changed"),
    /** The root user's access key signed a request (at most once per key per hour and node). */
    ROOT_KEY_USED("root_key.used"),
    /** An access key reaches its expiry policy's warning age (published by the expiry-policy scheduler). */
    KEY_NEAR_EXPIRY("key.near_expiry"),
    /** An expiry policy deactivated an access key (published by the expiry-policy scheduler). */
    KEY_DEACTIVATED_BY_POLICY("key.deactivated_by_policy"),
    /** An expiry policy deleted an access key (published by the expiry-policy scheduler). */
    KEY_DELETED_BY_POLICY("key.deleted_by_policy"),
    /** A leaked key's owner was quarantined (published by the quarantine operation). */
    KEY_QUARANTINED("key.quarantined"),
    /** Repeated failed console sign-ins of one user (published by the console's sign-in). */
    SIGN_IN_FAILED_REPEATEDLY("sign_in.failed_repeatedly");

    /** What a webhook subscribes to for every event. */
    public static final String ALL = "*";

    private final String wireName;

    NotificationEvent(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<NotificationEvent> byWireName(String name) {
        return Arrays.stream(values()).filter(e -> e.wireName.equals(name)).findFirst();
    }

    @Override
    public String toString() {
        return wireName;
    }
}
