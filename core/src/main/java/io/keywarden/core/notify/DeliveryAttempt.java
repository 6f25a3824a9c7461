package io.keywarden.core.notify;

import java.time.Instant;
import java.util.Objects;

/**
 * One try of delivering one notification to one webhook: a row of the delivery log.
 *
 * @param seq            the row's position in the log (newest highest): the listing's sort key
 * @param deliveryId     the delivery (the {@code X-Keywarden-Delivery} header and the body's {@code id}); the same for
 *                       every try of it
 * @param attempt        1 for the first try
 * @param statusCode     the receiver's HTTP status; null when no answer came (connection refused, timeout)
 * @param error          why the try failed, when it did (never a secret)
 * @param outcome        {@code delivered}, {@code retrying} (another try is scheduled) or {@code failed} (given up)
 */
public record DeliveryAttempt(long seq, String deliveryId, String webhookId, String event, int attempt, Instant attemptedAt,
                              Integer statusCode, String error, long durationMillis, String outcome) {
    public static final String DELIVERED = "delivered";
    public static final String RETRYING = "retrying";
    public static final String FAILED = "failed";

    public DeliveryAttempt {
        Objects.requireNonNull(deliveryId, "deliveryId");
        Objects.requireNonNull(webhookId, "webhookId");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(attemptedAt, "attemptedAt");
        Objects.requireNonNull(outcome, "outcome");
    }
}
