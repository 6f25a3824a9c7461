package io.keywarden.server.http;

import io.keywarden.core.auth.Caller;
import io.keywarden.core.operation.Catalogue;
import io.keywarden.core.operation.Requests;
import io.keywarden.server.http.dto.CallerIdentityDto;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

import java.util.concurrent.CompletableFuture;

/** GetCallerIdentity: no I/O, so it answers on the event loop. */
@Controller("/v1/caller-identity")
public class CallerIdentityController {
    private final OperationCalls calls;

    public CallerIdentityController(OperationCalls calls) {
        this.calls = calls;
    }

    @Get
    public CompletableFuture<CallerIdentityDto> get(HttpRequest<?> http, Caller caller) {
        return calls.call(http, caller, Catalogue.GET_CALLER_IDENTITY, Requests.GetCallerIdentity::new, 200)
                .thenApply(r -> new CallerIdentityDto(r.account(), r.userId(), r.arn()));
    }
}
