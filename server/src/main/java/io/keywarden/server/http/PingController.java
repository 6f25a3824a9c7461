package io.keywarden.server.http;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

/** {@code GET /ping}: 200 {@code pong}, no authentication and no I/O (the HTTP stack's ceiling in benchmarks). */
@Controller("/ping")
public class PingController {
    @Get(produces = MediaType.TEXT_PLAIN)
    public String ping() {
        return "pong";
    }
}
