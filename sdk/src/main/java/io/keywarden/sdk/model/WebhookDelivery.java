package io.keywarden.sdk.model;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One attempt of a webhook's delivery log.
 *
 * @param deliveryId  the delivery ({@code X-Keywarden-Delivery}), the same on each attempt
 * @param event       the event name
 * @param attempt     1 for the first try
 * @param attemptedAt when
 * @param statusCode  the receiver's HTTP status, when one came
 * @param error       why the attempt failed, when it did
 * @param duration    how long it took
 * @param outcome     {@code delivered}, {@code retrying} or {@code failed} (given up)
 */
public record WebhookDelivery(String deliveryId, String event, int attempt, Instant attemptedAt, OptionalInt statusCode,
                              Optional<String> error, Duration duration, String outcome) {
    public WebhookDelivery {
        Objects.requireNonNull(deliveryId, "deliveryId");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(attemptedAt, "attemptedAt");
        Objects.requireNonNull(statusCode, "statusCode");
        Objects.requireNonNull(error, "error");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(outcome, "outcome");
    }
}
