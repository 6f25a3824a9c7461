package io.keywarden.server.notify;

import io.keywarden.core.notify.DeliveryAttempt;
import io.keywarden.core.port.AuditArchiveStore;
import io.keywarden.server.persistence.JdbcWebhookStore;
import io.keywarden.server.support.ServerTestSupport;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The outbox on H2, with times given (a controllable clock). Retention: closed deliveries (delivered, given up) and
 * delivery-log rows older than the retention (30 days) are deleted; a pending delivery and its log never are, however
 * old; nothing is deleted while another node holds the lease. Claims: a node acting on a stale list of due rows
 * claims nothing, and a node whose claim was taken over does not write the outcome.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhookOutboxTest extends ServerTestSupport {
    private static final String ACCOUNT = "123456789012";
    private static final String HOOK = "wh-RETENTIONTEST00";
    private static final String NODE = "test-node";

    @Inject
    JdbcWebhookStore store;
    @Inject
    WebhookRetentionJob job;
    @Inject
    AuditArchiveStore leases;

    @Override
    protected Map<String, String> extraProperties() {
        // the dispatcher must not deliver (nor drop, the webhook being absent) the pending rows made here
        return Map.of("keywarden.webhooks.poll-interval", "1h");
    }

    private JdbcWebhookStore.Pending enqueueAndClaim(String id, Instant at) {
        store.enqueue(id, ACCOUNT, HOOK, "key.deleted", "{\"id\":\"" + id + "\"}", at);
        return store.claim(id, NODE, at, at.plusSeconds(60)).orElseThrow();
    }

    private void attempt(JdbcWebhookStore.Pending p, int n, Instant at, String outcome, Instant next) {
        assertThat(store.finish(p, NODE, new DeliveryAttempt(0, p.deliveryId(), HOOK, p.event(), n, at,
                outcome.equals(DeliveryAttempt.DELIVERED) ? 200 : 500, null, 5, outcome), next)).isTrue();
    }

    private List<String> loggedDeliveries() {
        return store.attempts(ACCOUNT, HOOK, null, 100).stream().map(DeliveryAttempt::deliveryId)
                .filter(id -> !id.equals("whd-claims")).toList();
    }

    @Test
    void closedDeliveriesAndTheirLogAreDeletedAfterTheRetentionPendingOnesNever() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Instant old = now.minus(Duration.ofDays(40));
        // delivered 40 days ago
        attempt(enqueueAndClaim("whd-old-delivered", old), 1, old, DeliveryAttempt.DELIVERED, null);
        // given up 39 days ago after two attempts
        JdbcWebhookStore.Pending failed = enqueueAndClaim("whd-old-failed", old);
        attempt(failed, 1, old, DeliveryAttempt.RETRYING, old.plus(Duration.ofDays(1)));
        failed = store.claim("whd-old-failed", NODE, old.plus(Duration.ofDays(1)), now).orElseThrow();
        attempt(failed, 2, old.plus(Duration.ofDays(1)), DeliveryAttempt.FAILED, null);
        // created 40 days ago, tried then, still pending (its next attempt in an hour): kept, with its log
        attempt(enqueueAndClaim("whd-old-pending", old), 1, old, DeliveryAttempt.RETRYING, now.plusSeconds(3600));
        // created 40 days ago and never tried (no node polled it): kept
        store.enqueue("whd-old-untried", ACCOUNT, HOOK, "key.deleted", "{}", old);
        // delivered yesterday: kept until 30 days after that
        Instant yesterday = now.minus(Duration.ofDays(1));
        attempt(enqueueAndClaim("whd-recent", yesterday), 1, yesterday, DeliveryAttempt.DELIVERED, null);
        assertThat(store.count("delivered")).isEqualTo(2);
        assertThat(store.count("failed")).isEqualTo(1);
        assertThat(store.count("pending")).isEqualTo(2);
        assertThat(loggedDeliveries()).hasSize(5);

        // another node holds the lease: this one does nothing
        assertThat(leases.tryLease(WebhookRetentionJob.LEASE, "other-node", now, Duration.ofMinutes(10))).isTrue();
        assertThat(job.runOnce(now)).isEmpty();
        assertThat(loggedDeliveries()).hasSize(5);
        leases.releaseLease(WebhookRetentionJob.LEASE, "other-node");

        JdbcWebhookStore.Pruned pruned = job.runOnce(now).orElseThrow();
        assertThat(pruned.deliveries()).isEqualTo(2);
        assertThat(pruned.attempts()).isEqualTo(3);
        assertThat(store.count("delivered")).isEqualTo(1);
        assertThat(store.count("failed")).isZero();
        assertThat(store.count("pending")).isEqualTo(2);
        assertThat(loggedDeliveries()).containsExactlyInAnyOrder("whd-old-pending", "whd-recent");
        // the lease was given back
        assertThat(leases.tryLease(WebhookRetentionJob.LEASE, "other-node", now, Duration.ofMinutes(10))).isTrue();
        leases.releaseLease(WebhookRetentionJob.LEASE, "other-node");

        // 30 days on, yesterday's delivery has expired too; the pending ones are still there
        JdbcWebhookStore.Pruned later = job.runOnce(now.plus(Duration.ofDays(30))).orElseThrow();
        assertThat(later.deliveries()).isEqualTo(1);
        assertThat(later.attempts()).isEqualTo(1);
        assertThat(store.count("delivered")).isZero();
        assertThat(store.count("pending")).isEqualTo(2);
        assertThat(loggedDeliveries()).containsExactly("whd-old-pending");

        // once closed, the old pending delivery goes at the next run
        JdbcWebhookStore.Pending last = store.claim("whd-old-pending", NODE, now.plusSeconds(3600),
                now.plusSeconds(3660)).orElseThrow();
        attempt(last, 2, now.plusSeconds(3600), DeliveryAttempt.DELIVERED, null);
        JdbcWebhookStore.Pruned closed = job.runOnce(now.plus(Duration.ofDays(31))).orElseThrow();
        assertThat(closed.deliveries()).isEqualTo(1);
        assertThat(closed.attempts()).isEqualTo(2);
        assertThat(store.count("pending")).isEqualTo(1); // the untried one
    }

    @Test
    void aStaleClaimNeitherRetriesEarlyNorOverwritesTheOutcomeOfTheNodeThatTookTheRowOver() {
        // far ahead, so that the retention test's runs (its own clock) never reach these rows
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS).plus(Duration.ofDays(1000));
        String id = "whd-claims";
        JdbcWebhookStore.Pending first = enqueueAndClaim(id, now);
        assertThat(store.claim(id, "node-b", now, now.plusSeconds(60))).as("claimed by the first node").isEmpty();
        attempt(first, 1, now, DeliveryAttempt.RETRYING, now.plusSeconds(30));
        // node B read the row as due before the retry was scheduled: it must not retry before the backoff
        assertThat(store.claim(id, "node-b", now.plusSeconds(1), now.plusSeconds(61))).isEmpty();

        JdbcWebhookStore.Pending second = store.claim(id, NODE, now.plusSeconds(30), now.plusSeconds(90))
                .orElseThrow();
        // the first node stalls past its claim; node B takes the row over and delivers it
        JdbcWebhookStore.Pending takenOver = store.claim(id, "node-b", now.plusSeconds(91), now.plusSeconds(151))
                .orElseThrow();
        assertThat(store.finish(takenOver, "node-b", new DeliveryAttempt(0, id, HOOK, takenOver.event(), 2,
                now.plusSeconds(91), 200, null, 5, DeliveryAttempt.DELIVERED), null)).isTrue();
        // the stalled node's late failure is logged but does not reopen the delivered row
        assertThat(store.finish(second, NODE, new DeliveryAttempt(0, id, HOOK, second.event(), 2,
                now.plusSeconds(30), null, "timeout", 60_000, DeliveryAttempt.RETRYING), now.plusSeconds(200)))
                .isFalse();
        assertThat(store.claim(id, NODE, now.plusSeconds(300), now.plusSeconds(360))).as("delivered: closed")
                .isEmpty();
        assertThat(store.attempts(ACCOUNT, HOOK, null, 100)).filteredOn(a -> a.deliveryId().equals(id)).hasSize(3);
        store.drop(id); // leaves the other test's counts of deliveries alone (its log is read by delivery ID)
    }
}
