package io.keywarden.server.http.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

/** @param webhooks every webhook of the account, oldest first */
@Serdeable
@Schema(name = "WebhookList")
public record WebhookListDto(@Schema(requiredMode = REQUIRED) List<WebhookDto> webhooks) {
}
