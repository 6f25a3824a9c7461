package io.keywarden.server.http;

import io.keywarden.core.auth.Caller;
import io.keywarden.core.notify.WebhookSecret;
import io.keywarden.core.operation.Catalogue;
import io.keywarden.core.operation.Parameters;
import io.keywarden.core.operation.Requests;
import io.keywarden.core.operation.Results;
import io.keywarden.server.http.dto.CreateWebhookBody;
import io.keywarden.server.http.dto.UpdateWebhookBody;
import io.keywarden.server.http.dto.WebhookDeliveryDto;
import io.keywarden.server.http.dto.WebhookDeliveryListDto;
import io.keywarden.server.http.dto.WebhookDto;
import io.keywarden.server.http.dto.WebhookListDto;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

import java.util.concurrent.CompletableFuture;

/**
 * Webhooks (docs/webhooks.md): CreateWebhook, ListWebhooks, GetWebhook, UpdateWebhook, DeleteWebhook and the delivery
 * log (ListWebhookDeliveries). The signing secret is answered once, by the call that created or replaced it.
 */
@Controller("/v1")
@Tag(name = "webhooks")
public class WebhooksController {
    private final OperationCalls calls;

    public WebhooksController(OperationCalls calls) {
        this.calls = calls;
    }

    /**
     * CreateWebhook. The URL must be http or https, without credentials, on a host the server allows
     * ({@code ValidationError}, 400); at most 20 webhooks per account ({@code LimitExceeded}, 409).
     */
    @Operation(operationId = "CreateWebhook")
    @ApiResponse(responseCode = "201", description = "The new webhook, with its signing secret (shown this once).")
    @Status(HttpStatus.CREATED)
    @ApiDocs.SignedCall
    @ApiDocs.Conflict
    @Post("/webhooks")
    public CompletableFuture<WebhookDto> createWebhook(HttpRequest<?> http, @ApiDocs.Hidden Caller caller,
                                                       @Body CreateWebhookBody body) {
        return calls.call(http, caller, Catalogue.CREATE_WEBHOOK, () -> new Requests.CreateWebhook(body.url(),
                        body.events(), body.secret() == null ? null : WebhookSecret.of(body.secret())), 201)
                .thenApply(r -> dto(r.webhook(), r.secret()));
    }

    /** ListWebhooks: every webhook of the account, oldest first, without secrets. */
    @Operation(operationId = "ListWebhooks")
    @ApiDocs.SignedCall
    @Get("/webhooks")
    public CompletableFuture<WebhookListDto> listWebhooks(HttpRequest<?> http, @ApiDocs.Hidden Caller caller) {
        return calls.call(http, caller, Catalogue.LIST_WEBHOOKS, Requests.ListWebhooks::new, 200)
                .thenApply(r -> new WebhookListDto(r.webhooks().stream().map(w -> dto(w, null)).toList()));
    }

    /** GetWebhook, without its secret. */
    @Operation(operationId = "GetWebhook")
    @ApiDocs.SignedCall
    @ApiDocs.NoSuchEntity
    @Get("/webhooks/{webhookId}")
    public CompletableFuture<WebhookDto> getWebhook(HttpRequest<?> http, @ApiDocs.Hidden Caller caller,
                                                    @PathVariable String webhookId) {
        return calls.call(http, caller, Catalogue.GET_WEBHOOK, () -> new Requests.GetWebhook(webhookId), 200)
                .thenApply(r -> dto(r.webhook(), null));
    }

    /** UpdateWebhook: the URL, the events, the secret (given, or generated with {@code rotateSecret}); what is absent stays. */
    @Operation(operationId = "UpdateWebhook")
    @ApiResponse(responseCode = "200", description = "The webhook; with its new secret when it was replaced.")
    @ApiDocs.SignedCall
    @ApiDocs.NoSuchEntity
    @Patch("/webhooks/{webhookId}")
    public CompletableFuture<WebhookDto> updateWebhook(HttpRequest<?> http, @ApiDocs.Hidden Caller caller,
                                                       @PathVariable String webhookId, @Body UpdateWebhookBody body) {
        return calls.call(http, caller, Catalogue.UPDATE_WEBHOOK, () -> new Requests.UpdateWebhook(webhookId,
                        body.url(), body.events(), body.secret() == null ? null : WebhookSecret.of(body.secret()),
                        Boolean.TRUE.equals(body.rotateSecret())), 200)
                .thenApply(r -> dto(r.webhook(), r.secret()));
    }

    /** DeleteWebhook, with its pending deliveries and its delivery log. */
    @Operation(operationId = "DeleteWebhook")
    @ApiResponse(responseCode = "204", description = "Deleted.")
    @Status(HttpStatus.NO_CONTENT)
    @ApiDocs.SignedCall
    @ApiDocs.NoSuchEntity
    @Delete("/webhooks/{webhookId}")
    public CompletableFuture<HttpResponse<Void>> deleteWebhook(HttpRequest<?> http, @ApiDocs.Hidden Caller caller,
                                                               @PathVariable String webhookId) {
        return calls.call(http, caller, Catalogue.DELETE_WEBHOOK, () -> new Requests.DeleteWebhook(webhookId), 204)
                .thenApply(r -> HttpResponse.noContent());
    }

    /** ListWebhookDeliveries: the delivery log, one row per attempt, newest first. */
    @Operation(operationId = "ListWebhookDeliveries")
    @ApiDocs.SignedCall
    @ApiDocs.NoSuchEntity
    @Get("/webhooks/{webhookId}/deliveries")
    public CompletableFuture<WebhookDeliveryListDto> listWebhookDeliveries(
            HttpRequest<?> http, @ApiDocs.Hidden Caller caller, @PathVariable String webhookId,
            @ApiDocs.MaxItems @Nullable @QueryValue String maxItems,
            @ApiDocs.Marker @Nullable @QueryValue String marker) {
        return calls.call(http, caller, Catalogue.LIST_WEBHOOK_DELIVERIES,
                        () -> new Requests.ListWebhookDeliveries(webhookId, Parameters.page(marker, maxItems)), 200)
                .thenApply(r -> new WebhookDeliveryListDto(r.deliveries().stream()
                        .map(d -> new WebhookDeliveryDto(d.deliveryId(), d.event(), d.attempt(),
                                Wire.date(d.attemptedAt()), d.statusCode(), d.error(), d.durationMillis(),
                                d.outcome())).toList(), r.isTruncated(), r.marker()));
    }

    private static WebhookDto dto(Results.WebhookEntry w, WebhookSecret secret) {
        return new WebhookDto(w.webhookId(), w.url(), w.events(), Wire.date(w.createDate()), Wire.date(w.updateDate()),
                secret == null ? null : secret.reveal());
    }
}
