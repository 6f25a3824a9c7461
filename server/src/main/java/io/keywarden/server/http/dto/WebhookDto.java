package io.keywarden.server.http.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * A webhook. Its secret appears only in the answer that created or replaced it.
 *
 * @param webhookId  the webhook ID ({@code wh-...})
 * @param url        where deliveries are POSTed
 * @param events     the subscribed events, or {@code *}
 * @param createDate when it was created
 * @param updateDate when it was last changed
 * @param secret     the signing secret: only in CreateWebhook's answer and an UpdateWebhook that replaced it
 */
@Serdeable
@Schema(name = "Webhook")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebhookDto(
        @Schema(requiredMode = REQUIRED) String webhookId,
        @Schema(requiredMode = REQUIRED) String url,
        @Schema(requiredMode = REQUIRED) List<String> events,
        @Schema(format = "date-time", requiredMode = REQUIRED) String createDate,
        @Schema(format = "date-time", requiredMode = REQUIRED) String updateDate,
        @Nullable String secret) {
    @Override
    public String toString() {
        return "WebhookDto[webhookId=" + webhookId + ", url=" + url + ", events=" + events + ", secret=[redacted]]";
    }
}
