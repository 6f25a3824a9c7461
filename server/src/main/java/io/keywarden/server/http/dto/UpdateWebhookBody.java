package io.keywarden.server.http.dto;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/**
 * UpdateWebhook's body: what is absent stays.
 *
 * @param url          the new URL
 * @param events       the new events
 * @param secret       a new signing secret of the caller's choosing
 * @param rotateSecret true: generate a new signing secret (answered once)
 */
@Introspected
@Schema(name = "UpdateWebhookRequest", additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
public record UpdateWebhookBody(
        @Nullable @Schema(maxLength = 2048) String url,
        @Nullable List<String> events,
        @Nullable @Schema(minLength = 16, maxLength = 256) String secret,
        @Nullable Boolean rotateSecret) {
    @Override
    public String toString() {
        return "UpdateWebhookBody[url=" + url + ", events=" + events + ", secret=[redacted]]";
    }
}
