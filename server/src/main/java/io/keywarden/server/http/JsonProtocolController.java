package io.keywarden.server.http;

import io.keywarden.core.auth.Caller;
import io.keywarden.core.error.ErrorCode;
import io.keywarden.core.error.KeywardenException;
import io.keywarden.core.operation.Catalogue;
import io.keywarden.server.blocking.EventLoops;
import io.keywarden.server.json.CloudTrailJson;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.swagger.v3.oas.annotations.Hidden;

import java.util.concurrent.CompletableFuture;

/**
 * The AWS JSON 1.1 protocol on {@code POST /}: {@code Content-Type: application/x-amz-json-1.1}, the operation in
 * {@code X-Amz-Target} ({@code com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.LookupEvents}), a JSON body,
 * a JSON answer — how the AWS SDKs and CLI call CloudTrail. The target is looked up in the catalogue
 * ({@link Catalogue#jsonTarget}); the operation is performed through {@link OperationCalls} like on every face.
 * CloudTrail's LookupEvents is the one operation this face serves ({@link CloudTrailJson} decodes its request and
 * writes its answer). Errors are JSON 1.1 errors ({@link JsonFace}, {@link ErrorResponses}). Not in the OpenAPI
 * document (one path, one POST there: the Query face's); docs/operations.md describes it.
 */
@Controller
@Hidden
public class JsonProtocolController {
    private final OperationCalls calls;

    public JsonProtocolController(OperationCalls calls) {
        this.calls = calls;
    }

    @Post(uri = "/", consumes = JsonFace.CONTENT_TYPE, produces = JsonFace.CONTENT_TYPE)
    public CompletableFuture<MutableHttpResponse<byte[]>> post(HttpRequest<?> request, @ApiDocs.Hidden Caller caller,
                                                               @Nullable @Body byte[] body) {
        String target = JsonFace.target(request);
        if (Catalogue.jsonTarget(target).orElse(null) != Catalogue.LOOKUP_EVENTS) {
            return EventLoops.deferred(CompletableFuture.failedFuture(target == null
                    ? KeywardenException.of(ErrorCode.UNKNOWN_OPERATION, "Missing X-Amz-Target header.")
                    : KeywardenException.of(ErrorCode.UNKNOWN_OPERATION, "The operation in X-Amz-Target is not"
                            + " served here.")));
        }
        return calls.call(request, caller, Catalogue.LOOKUP_EVENTS, () -> CloudTrailJson.lookupEvents(body), 200)
                .thenApply(result -> HttpResponse.ok(CloudTrailJson.answer(result)).contentType(JsonFace.MEDIA_TYPE));
    }
}
