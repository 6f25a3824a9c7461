package io.keywarden.server.console;

import io.keywarden.server.support.ServerTestSupport;
import io.keywarden.server.support.SignedClient;
import io.keywarden.server.support.SignedClient.Response;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The console's static files: served unsigned from the jar, with the strict headers, no inline script or style. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleFilesTest extends ServerTestSupport {
    static final List<String> FILES = List.of("index.html", "console.css", "app.js", "api.js", "sigv4.js", "dom.js",
            "keys.js", "pages.js", "user.js", "account.js");

    private Response get(String path) {
        return SignedClient.getUri(baseUri().resolve(path));
    }

    @Test
    void everyFileIsServedWithTheStrictHeaders() {
        long total = 0;
        for (String f : FILES) {
            Response r = get("/console/" + f);
            assertThat(r.status()).as(f).isEqualTo(200);
            assertThat(r.header("Content-Security-Policy")).isEqualTo("default-src 'self'; script-src 'self'; "
                    + "style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; "
                    + "base-uri 'none'; form-action 'self'");
            assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(r.header("Referrer-Policy")).isEqualTo("no-referrer");
            assertThat(r.headers().firstValue("set-cookie")).isEmpty();
            assertThat(r.body()).doesNotContain("http://").doesNotContain("https://").doesNotContain("localStorage"
                    + ".setItem('keywarden.console.session");
            total += r.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        }
        System.out.println("console bundle: " + total + " bytes in " + FILES.size() + " files");
        assertThat(get("/console/app.js").header("Content-Type")).startsWith("text/javascript");
        assertThat(get("/console/console.css").header("Content-Type")).startsWith("text/css");
    }

    @Test
    void theIndexHasNoInlineScriptOrStyle() {
        Response r = get("/console/");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith("text/html");
        assertThat(r.body()).contains("<script type=\"module\" src=\"app.js\"></script>")
                .doesNotContainPattern("<script(?![^>]*src=)[^>]*>").doesNotContain("<style").doesNotContain("style=")
                .doesNotContain(" onclick=");
    }

    @Test
    void unknownFilesAndClimbingPathsAreNotServed() {
        assertThat(get("/console/nothing.js").status()).isEqualTo(404);
        assertThat(get("/console/application.yml").status()).isIn(403, 404);
        assertThat(get("/console/..%2Fapplication.yml").status()).isIn(403, 404);
        assertThat(get("/console/%2e%2e/logback.xml").status()).isIn(403, 404);
        assertThat(get("/console/../console/index.html").status()).isIn(200, 403, 404);
    }
}
