package io.keywarden.server.http;

import io.keywarden.core.auth.Caller;
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
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.tags.Tag;

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
@Tag(name = "aws-query")
public class QueryController {
    private final OperationCalls calls;

    public QueryController(OperationCalls calls) {
        this.calls = calls;
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
        return handle(request, caller, body);
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
        return handle(request, caller, null);
    }

    private CompletableFuture<MutableHttpResponse<String>> handle(HttpRequest<?> request, Caller caller, byte[] body) {
        Map<String, String> parameters;
        io.keywarden.core.operation.Operation<?, ?> operation;
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
            HttpRequest<?> request, Caller caller, io.keywarden.core.operation.Operation<Q, R> operation,
            QueryParams params) {
        return calls.call(request, caller, operation, () -> QueryCodec.decode(operation.requestType(), params), 200)
                .thenApply(result -> HttpResponse.<String>ok(QueryCodec.answer(operation, result, RequestIds.of(request)))
                        .contentType(QueryFace.TEXT_XML));
    }
}
