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
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "aws-query")
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

    /**
     * The AWS IAM ({@code Version=2010-05-08}) and STS ({@code Version=2011-06-15}) Query protocol as the AWS CLI and
     * SDKs send it: a form body {@code Action=CreateAccessKey&Version=2010-05-08&UserName=alice}, lists as
     * {@code Name.member.N}. The actions, answers and differences from AWS are in docs/aws-compatibility.md.
     */
    @Operation(operationId = "AwsQueryPost", summary = "AWS Query protocol (form body)",
            requestBody = @RequestBody(required = true, content = @Content(
                    mediaType = MediaType.APPLICATION_FORM_URLENCODED, schema = @Schema(type = "object",
                    description = "`Action` (e.g. `ListAccessKeys`, required), `Version` (e.g. `2010-05-08`) and "
                            + "the action's parameters, e.g. `UserName=alice`."))))
    @ApiDocs.QueryAnswers
    @Post(uri = "/", consumes = MediaType.APPLICATION_FORM_URLENCODED, produces = "text/xml")
    public CompletableFuture<MutableHttpResponse<String>> post(HttpRequest<?> request, @ApiDocs.Hidden Caller caller,
                                                               @Parameter(hidden = true) @Nullable @Body byte[] body) {
        try {
            return handle(request, caller, QueryForm.decode(request.getUri().getRawQuery(), body));
        } catch (RuntimeException e) {
            return EventLoopFirst.deferred(CompletableFuture.failedFuture(e)); // malformed form: see handle
        }
    }

    /**
     * The AWS IAM and STS Query protocol with the parameters ({@code Action}, {@code Version}, ...) in the query
     * string: the form of presigned URLs, e.g. a presigned {@code GetCallerIdentity}.
     */
    @Operation(operationId = "AwsQueryGet", summary = "AWS Query protocol (parameters in the query string)",
            parameters = {
                @Parameter(name = "Action", in = ParameterIn.QUERY, required = true,
                        schema = @Schema(type = "string", example = "GetCallerIdentity")),
                @Parameter(name = "Version", in = ParameterIn.QUERY,
                        schema = @Schema(type = "string", example = "2011-06-15"))
            })
    @ApiDocs.QueryAnswers
    @Get(uri = "/", produces = "text/xml")
    public CompletableFuture<MutableHttpResponse<String>> get(HttpRequest<?> request, @ApiDocs.Hidden Caller caller) {
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
