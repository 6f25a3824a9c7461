package io.keywarden.core.notify;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Something to announce to the webhooks subscribed to its event: what happened ({@link NotificationEvent}), when, in
 * which account, and its details (text, numbers and booleans only; never a secret). The delivery ID is given when it
 * is written to the outbox.
 *
 * @param detail the event's details, in order (the {@code detail} object of the delivered body)
 */
public record Notification(NotificationEvent event, Instant time, String account, Map<String, Object> detail) {
    public Notification {
        Objects.requireNonNull(event, "event");
        time = Objects.requireNonNull(time, "time").truncatedTo(ChronoUnit.MILLIS);
        Objects.requireNonNull(account, "account");
        Map<String, Object> copy = new LinkedHashMap<>();
        Objects.requireNonNull(detail, "detail").forEach((k, v) -> {
            Objects.requireNonNull(k, "detail key");
            if (v != null && !(v instanceof String || v instanceof Number || v instanceof Boolean)) {
                throw new IllegalArgumentException("detail " + k + " must be text, a number or a boolean");
            }
            copy.put(k, v);
        });
        detail = Collections.unmodifiableMap(copy);
    }

    /** A notification with details given as name, value, name, value, ... (nulls left out). */
    public static Notification of(NotificationEvent event, Instant time, String account, Object... nameValues) {
        if (nameValues.length % 2 != 0) {
            throw new IllegalArgumentException("details come in name, value pairs");
        }
        Map<String, Object> detail = new LinkedHashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            if (nameValues[i + 1] != null) {
                detail.put((String) nameValues[i], nameValues[i + 1]);
            }
        }
        return new Notification(event, time, account, detail);
    }
}
