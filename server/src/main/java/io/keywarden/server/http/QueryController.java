package io.keywarden.server.http;

import io.keywarden.core.auth.Caller;
import io.keywarden.server.blocking.EventLoopFirst;
import io.keywarden.server.query.QueryDispatcher;
import io.keywarden.server.query.QueryForm;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The AWS Query protocol over HTTP: {@code POST /} with a form body (what the AWS SDKs and CLI send) and
 * {@code GET /} with the parameters in the query string (presigned URLs). Decodes the parameters, hands them with the
 * authenticated caller to the {@link QueryDispatcher} and answers its XML as {@code text/xml}. Actions that may block
 * run on the blocking executor; the others (GetCallerIdentity) and every early failure answer on the event loop.
 * Errors go through the exception handlers to {@link ErrorResponses}, which write AWS's XML error envelope for this face.
 */
@Controller
public class QueryController {
    private final QueryDispatcher dispatcher;
    private final Executor blocking;
    private final EventLoopFirst eventLoopFirst;

    public QueryController(QueryDispatcher dispatcher, @Named(TaskExecutors.BLOCKING) Executor blocking,
                           EventLoopFirst eventLoopFirst) {
        this.dispatcher = dispatcher;
        this.blocking = blocking;
        this.eventLoopFirst = eventLoopFirst;
    }

    @Post(uri = "/", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = "text/xml")
    public CompletableFuture<MutableHttpResponse<String>> post(HttpRequest<?> request, Caller caller,
                                                               @Nullable @Body byte[] body) {
        try {
            return handle(request, caller, QueryForm.decode(request.getUri().getRawQuery(), body));
        } catch (RuntimeException e) {
            return EventLoopFirst.deferred(CompletableFuture.failedFuture(e)); // malformed form: see handle
        }
    }

    @Get(uri = "/", produces = "text/xml")
    public CompletableFuture<MutableHttpResponse<String>> get(HttpRequest<?> request, Caller caller) {
        return handle(request, caller, QueryForm.decode(request.getUri().getRawQuery(), null));
    }

    private CompletableFuture<MutableHttpResponse<String>> handle(HttpRequest<?> request, Caller caller,
                                                                  Map<String, String> parameters) {
        String action = parameters.get("Action");
        if (dispatcher.knows(action)) {
            QueryFace.setNamespace(request, dispatcher.namespaceOf(action));
        }
        String requestId = RequestIds.of(request);
        // answers made on the event loop are handed over in a new task (see EventLoopFirst.deferred): a form body
        // that arrived after the head is still being read when this runs
        if (!dispatcher.blocks(action)) {
            CompletableFuture<MutableHttpResponse<String>> now;
            try {
                now = CompletableFuture.completedFuture(answer(dispatcher.dispatch(caller, parameters, requestId)));
            } catch (RuntimeException e) {
                now = CompletableFuture.failedFuture(e);
            }
            return EventLoopFirst.deferred(now);
        }
        if (isRead(action)) {
            // served from the caches on the event loop when it can be (ListAccessKeys of one's own keys)
            return EventLoopFirst.deferred(
                    eventLoopFirst.supply(() -> answer(dispatcher.dispatch(caller, parameters, requestId))));
        }
        return CompletableFuture.supplyAsync(() -> answer(dispatcher.dispatch(caller, parameters, requestId)),
                blocking);
    }

    /** Actions that only read (no side effect before their first database access), by AWS's naming. */
    static boolean isRead(String action) {
        return action != null && (action.startsWith("Get") || action.startsWith("List"));
    }

    private static MutableHttpResponse<String> answer(QueryDispatcher.Reply reply) {
        return HttpResponse.<String>status(HttpStatus.valueOf(reply.status())).body(reply.xml())
                .contentType(QueryFace.TEXT_XML);
    }
}
