package io.keywarden.server.http;

import io.keywarden.core.auth.Caller;
import io.keywarden.core.service.IdentityService;
import io.keywarden.server.http.dto.CallerIdentityDto;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** GetCallerIdentity: no I/O, so it answers on the event loop. */
@Controller("/v1/caller-identity")
@Tag(name = "identity")
public class CallerIdentityController {
    private final IdentityService identity;

    public CallerIdentityController(IdentityService identity) {
        this.identity = identity;
    }

    /**
     * GetCallerIdentity (sign for {@code sts}): who signed the request. Needs no permission.
     *
     * @return the caller
     */
    @Operation(operationId = "GetCallerIdentity")
    @ApiDocs.SignedCall
    @Get
    public CallerIdentityDto get(@ApiDocs.Hidden Caller caller) {
        return Wire.callerIdentity(identity.getCallerIdentity(caller));
    }
}
