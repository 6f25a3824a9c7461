package io.keywarden.server.http.dto;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/**
 * CreateWebhook's body.
 *
 * @param url    an http or https URL without credentials, allowed by the server's webhook settings
 * @param events the events to deliver (key.deactivated, key.deleted, policy.changed, root_key.used, ...) or {@code *}
 * @param secret the signing secret, 16-256 printable ASCII characters; generated when absent
 */
@Introspected
@Schema(name = "CreateWebhookRequest", additionalProperties = Schema.AdditionalPropertiesValue.FALSE)
public record CreateWebhookBody(
        @Schema(maxLength = 2048, requiredMode = REQUIRED) String url,
        @Schema(requiredMode = REQUIRED) List<String> events,
        @Nullable @Schema(minLength = 16, maxLength = 256) String secret) {
    @Override
    public String toString() {
        return "CreateWebhookBody[url=" + url + ", events=" + events + ", secret=[redacted]]";
    }
}
