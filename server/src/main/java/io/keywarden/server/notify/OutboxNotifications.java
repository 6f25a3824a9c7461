package io.keywarden.server.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keywarden.core.notify.Notification;
import io.keywarden.core.notify.Notifications;
import io.keywarden.core.notify.Webhook;
import io.keywarden.server.persistence.JdbcWebhookStore;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * {@link Notifications} into the outbox: one row per webhook subscribed to the event, with the body as it will be
 * delivered ({@code {"id","event","time","account","detail"}}), in the caller's transaction when there is one.
 */
@Singleton
public class OutboxNotifications implements Notifications {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcWebhookStore store;
    private final Clock clock;

    public OutboxNotifications(JdbcWebhookStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void publish(Notification n) {
        for (Webhook w : store.list(n.account())) {
            if (w.subscribes(n.event())) {
                String id = "whd-" + UUID.randomUUID();
                store.enqueue(id, n.account(), w.id(), n.event().wireName(), body(id, n), clock.instant());
            }
        }
    }

    static String body(String id, Notification n) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("event", n.event().wireName());
        body.put("time", n.time().toString());
        body.put("account", n.account());
        body.put("detail", n.detail());
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a notification", e);
        }
    }
}
