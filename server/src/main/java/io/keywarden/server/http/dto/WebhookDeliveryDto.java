package io.keywarden.server.http.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * One attempt of the delivery log.
 *
 * @param deliveryId     the delivery (X-Keywarden-Delivery); the same for each attempt
 * @param event          the event
 * @param attempt        1 for the first try
 * @param attemptedAt    when
 * @param statusCode     the receiver's HTTP status; absent when none came
 * @param error          why it failed, when it did
 * @param durationMillis how long the attempt took
 * @param outcome        delivered, retrying or failed (given up)
 */
@Serdeable
@Schema(name = "WebhookDelivery")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebhookDeliveryDto(
        @Schema(requiredMode = REQUIRED) String deliveryId,
        @Schema(requiredMode = REQUIRED) String event,
        @Schema(requiredMode = REQUIRED) int attempt,
        @Schema(format = "date-time", requiredMode = REQUIRED) String attemptedAt,
        @Nullable Integer statusCode,
        @Nullable String error,
        @Schema(requiredMode = REQUIRED) long durationMillis,
        @Schema(allowableValues = {"delivered", "retrying", "failed"}, requiredMode = REQUIRED) String outcome) {
}
