package io.keywarden.server.http;

import io.keywarden.core.auth.Caller;
import io.keywarden.core.operation.Operation;
import io.keywarden.server.blocking.EventLoops;
import io.keywarden.server.query.QueryCodec;
import io.keywarden.server.query.QueryForm;
import io.keywarden.server.query.QueryParams;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The AWS Query protocol over HTTP: {@code POST /} with a form body (what the AWS SDKs and CLI send) and
 * {@code GET /} with the parameters in the query string (presigned URLs). Decodes the parameters once, finds the
 * operation of {@code Action} in the catalogue, decodes its typed request ({@link QueryCodec}), performs it through
 * {@link OperationCalls} and answers the XML of its typed result as {@code text/xml}. Nothing here is written per
 * operation. Errors go through the exception handlers to {@link ErrorResponses}, which write AWS's XML error envelope
 * in the namespace of the operation's service.
 */
@Controller
public class QueryController {
    private final OperationCalls calls;

    public QueryController(OperationCalls calls) {
        this.calls = calls;
    }

    @Post(uri = "/", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = "text/xml")
    public CompletableFuture<MutableHttpResponse<String>> post(HttpRequest<?> request, Caller caller,
                                                               @Nullable @Body byte[] body) {
        return handle(request, caller, body);
    }

    @Get(uri = "/", produces = "text/xml")
    public CompletableFuture<MutableHttpResponse<String>> get(HttpRequest<?> request, Caller caller) {
        return handle(request, caller, null);
    }

    private CompletableFuture<MutableHttpResponse<String>> handle(HttpRequest<?> request, Caller caller, byte[] body) {
        Map<String, String> parameters;
        Operation<?, ?> operation;
        try {
            parameters = QueryForm.decode(request.getUri().getRawQuery(), body);
            operation = QueryCodec.operation(parameters);
        } catch (RuntimeException e) {
            // a malformed form, a missing or unknown action: answered on this thread (see EventLoops.deferred)
            return EventLoops.deferred(CompletableFuture.failedFuture(e));
        }
        QueryFace.setNamespace(request, operation.service().xmlNamespace());
        return perform(request, caller, operation, new QueryParams(parameters));
    }

    private <Q extends Record, R extends Record> CompletableFuture<MutableHttpResponse<String>> perform(
            HttpRequest<?> request, Caller caller, Operation<Q, R> operation, QueryParams params) {
        return calls.call(request, caller, operation, () -> QueryCodec.decode(operation.requestType(), params), 200)
                .thenApply(result -> HttpResponse.<String>ok(QueryCodec.answer(operation, result, RequestIds.of(request)))
                        .contentType(QueryFace.TEXT_XML));
    }
}
