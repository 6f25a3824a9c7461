package io.keywarden.server.http;

import io.keywarden.core.auth.Caller;
import io.keywarden.core.operation.Catalogue;
import io.keywarden.core.operation.Requests;
import io.micronaut.http.HttpRequest;
import java.util.concurrent.CompletableFuture;
import io.keywarden.server.http.dto.CallerIdentityDto;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** GetCallerIdentity: no I/O, so it answers on the event loop. */
@Controller("/v1/caller-identity")
@Tag(name = "identity")
public class CallerIdentityController {
    private final OperationCalls calls;

    public CallerIdentityController(OperationCalls calls) {
        this.calls = calls;
    }

    /**
     * GetCallerIdentity (sign for {@code sts}): who signed the request. Needs no permission.
     *
     * @return the caller
     */
    @Operation(operationId = "GetCallerIdentity")
    @ApiDocs.SignedCall
    @Get
    public CompletableFuture<CallerIdentityDto> get(HttpRequest<?> http, @ApiDocs.Hidden Caller caller) {
        return calls.call(http, caller, Catalogue.GET_CALLER_IDENTITY, Requests.GetCallerIdentity::new, 200)
                .thenApply(r -> new CallerIdentityDto(r.account(), r.userId(), r.arn()));
    }
}
