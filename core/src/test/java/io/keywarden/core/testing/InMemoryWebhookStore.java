package io.keywarden.core.testing;

import io.keywarden.core.notify.DeliveryAttempt;
import io.keywarden.core.notify.Webhook;
import io.keywarden.core.port.WebhookStore;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link WebhookStore} in memory, for tests; it keeps the sealed secrets to show they never arrive in clear. */
public final class InMemoryWebhookStore implements WebhookStore {
    private final Map<String, Webhook> webhooks = new LinkedHashMap<>();
    public final Map<String, String> sealed = new LinkedHashMap<>();
    public final List<DeliveryAttempt> log = new ArrayList<>();

    @Override
    public synchronized void insert(Webhook webhook, String sealedSecret) {
        webhooks.put(webhook.id(), webhook);
        sealed.put(webhook.id(), sealedSecret);
    }

    @Override
    public synchronized Optional<Webhook> find(String account, String id) {
        return Optional.ofNullable(webhooks.get(id)).filter(w -> w.account().equals(account));
    }

    @Override
    public synchronized List<Webhook> list(String account) {
        return webhooks.values().stream().filter(w -> w.account().equals(account)).toList();
    }

    @Override
    public synchronized boolean update(Webhook webhook, String sealedSecretOrNull) {
        if (find(webhook.account(), webhook.id()).isEmpty()) {
            return false;
        }
        webhooks.put(webhook.id(), webhook);
        if (sealedSecretOrNull != null) {
            sealed.put(webhook.id(), sealedSecretOrNull);
        }
        return true;
    }

    @Override
    public synchronized boolean delete(String account, String id) {
        sealed.remove(id);
        log.removeIf(a -> a.webhookId().equals(id));
        return find(account, id).isPresent() && webhooks.remove(id) != null;
    }

    @Override
    public synchronized List<DeliveryAttempt> attempts(String account, String webhookId, Long beforeSeq, int limit) {
        return log.stream().filter(a -> a.webhookId().equals(webhookId))
                .filter(a -> beforeSeq == null || a.seq() < beforeSeq)
                .sorted(Comparator.comparingLong(DeliveryAttempt::seq).reversed()).limit(limit).toList();
    }
}
