package io.keywarden.server.http.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** One page of the delivery log, newest first. */
@Serdeable
@Schema(name = "WebhookDeliveryList")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebhookDeliveryListDto(List<WebhookDeliveryDto> deliveries, boolean isTruncated,
                                     @Nullable String marker) {
}
