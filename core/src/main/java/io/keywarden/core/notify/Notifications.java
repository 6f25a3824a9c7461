package io.keywarden.core.notify;

/**
 * Where notifications go: the port every feature publishes through with one call,
 * {@code notifications.publish(Notification.of(NotificationEvent.KEY_QUARANTINED, now, account, "accessKeyId", id))}.
 * The server writes each to the durable outbox, one row per subscribed webhook, in the caller's database transaction
 * when there is one (so a change and its notification commit together) and in its own otherwise; delivery happens
 * later, at least once (docs/webhooks.md).
 */
@FunctionalInterface
public interface Notifications {
    void publish(Notification notification);

    /** Publishes nothing (tests, and a core used without a server). */
    Notifications NONE = n -> {
    };
}
