package io.keywarden.server.http;

import io.keywarden.core.auth.Caller;
import io.keywarden.core.service.IdentityService;
import io.keywarden.server.http.dto.CallerIdentityDto;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

/** GetCallerIdentity: no I/O, so it answers on the event loop. */
@Controller("/v1/caller-identity")
public class CallerIdentityController {
    private final IdentityService identity;

    public CallerIdentityController(IdentityService identity) {
        this.identity = identity;
    }

    @Get
    public CallerIdentityDto get(Caller caller) {
        return Wire.callerIdentity(identity.getCallerIdentity(caller));
    }
}
