package io.keywarden.server.notify;

import io.keywarden.core.crypto.SecretSealer;
import io.keywarden.core.notify.DeliveryAttempt;
import io.keywarden.core.notify.RetrySchedule;
import io.keywarden.core.notify.WebhookSecret;
import io.keywarden.core.notify.WebhookService;
import io.keywarden.core.notify.WebhookSignature;
import io.keywarden.core.notify.WebhookUrlPolicy;
import io.keywarden.server.persistence.JdbcWebhookStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Delivers the outbox: every {@code keywarden.webhooks.poll-interval} it claims due deliveries one by one (a
 * conditional update: one node per row while the claim lasts), signs each ({@link WebhookSignature}) and POSTs it with
 * the JDK client (connect and request timeouts, no redirects followed), then records the attempt and either closes the
 * delivery or schedules the next try ({@link RetrySchedule}: exponential backoff with jitter, then given up). A node
 * that dies holding a claim leaves the row pending; after the claim expires any node delivers it: at least once.
 */
@Context
public class WebhookDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final int BATCH = 20;

    private final JdbcWebhookStore store;
    private final SecretSealer sealer;
    private final WebhookUrlPolicy urls;
    private final WebhookConfig config;
    private final RetrySchedule retries;
    private final Clock clock;
    private final SecureRandom random;
    private final MeterRegistry registry;
    private final HttpClient http;
    private final ScheduledExecutorService executor;
    private final String node;

    public WebhookDispatcher(JdbcWebhookStore store, SecretSealer sealer, WebhookUrlPolicy urls, WebhookConfig config,
                             Clock clock, SecureRandom random, MeterRegistry registry) {
        this.store = store;
        this.sealer = sealer;
        this.urls = urls;
        this.config = config;
        this.retries = new RetrySchedule(config.getRetryBase(), config.getRetryMax(), config.getMaxAttempts());
        this.clock = clock;
        this.random = random;
        this.registry = registry;
        this.http = HttpClient.newBuilder().connectTimeout(config.getConnectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.node = ProcessHandle.current().pid() + "-" + UUID.randomUUID();
        this.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "keywarden-webhooks");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(10, config.getPollInterval().toMillis());
        executor.scheduleWithFixedDelay(this::poll, every, every, TimeUnit.MILLISECONDS);
    }

    /** This node's name in claims. */
    public String node() {
        return node;
    }

    void poll() {
        try {
            Instant now = clock.instant();
            List<String> due = store.due(now, BATCH);
            for (String id : due) {
                Instant at = clock.instant();
                Optional<JdbcWebhookStore.Pending> claimed = store.claim(id, node, at,
                        at.plus(config.getClaimDuration()));
                claimed.ifPresent(this::deliver);
            }
        } catch (RuntimeException e) {
            LOG.warn("webhook delivery round failed: {}", e.toString());
        }
    }

    private void deliver(JdbcWebhookStore.Pending p) {
        Optional<JdbcWebhookStore.Sealed> target = store.sealedSecret(p.account(), p.webhookId());
        if (target.isEmpty()) {
            store.drop(p.deliveryId()); // the webhook was deleted
            return;
        }
        int attempt = p.attempts() + 1;
        Instant started = clock.instant();
        long t0 = System.nanoTime();
        Integer status = null;
        String error = null;
        try {
            URI uri = URI.create(target.get().url());
            for (InetAddress a : InetAddress.getAllByName(uri.getHost())) {
                if (!urls.permits(a)) {
                    throw new IOException("address " + a.getHostAddress() + " is not allowed for webhooks");
                }
            }
            WebhookSecret secret = WebhookSecret.of(sealer.unseal(WebhookService.sealingContext(p.webhookId()),
                    target.get().sealedSecret()));
            byte[] body = p.payload().getBytes(StandardCharsets.UTF_8);
            long timestamp = clock.instant().getEpochSecond();
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(config.getRequestTimeout())
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "Keywarden-Webhooks/1")
                    .header(WebhookSignature.DELIVERY_HEADER, p.deliveryId())
                    .header(WebhookSignature.EVENT_HEADER, p.event())
                    .header(WebhookSignature.TIMESTAMP_HEADER, Long.toString(timestamp))
                    .header(WebhookSignature.SIGNATURE_HEADER, WebhookSignature.sign(secret, timestamp, body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            status = response.statusCode();
            if (status < 200 || status >= 300) {
                error = "HTTP " + status;
            }
        } catch (IOException | IllegalArgumentException | SecretSealer.SealingException e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        boolean ok = error == null;
        boolean again = !ok && retries.retriesAfter(attempt);
        String outcome = ok ? DeliveryAttempt.DELIVERED : again ? DeliveryAttempt.RETRYING : DeliveryAttempt.FAILED;
        DeliveryAttempt row = new DeliveryAttempt(0, p.deliveryId(), p.webhookId(), p.event(), attempt, started, status,
                error, millis, outcome);
        if (!store.finish(p, node, row, again ? clock.instant().plus(retries.delayAfter(attempt, random)) : null)) {
            LOG.warn("webhook delivery {}: the claim expired during the attempt and another node took it over;"
                    + " the attempt is logged, the delivery left to that node", p.deliveryId());
        }
        Counter.builder("keywarden.webhook.deliveries").tag("outcome", outcome)
                .description("webhook delivery attempts, by outcome (delivered, retrying, failed: given up)")
                .register(registry).increment();
        if (!ok) {
            LOG.info("webhook delivery {} to {} failed (attempt {}): {}", p.deliveryId(), p.webhookId(), attempt, error);
        }
    }

    @PreDestroy
    void close() {
        executor.shutdownNow();
    }
}
