package io.keywarden.server.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Hidden;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The web console's static files, from the jar's {@code console/} resources: {@code GET /console/} is
 * {@code index.html}. Only plain paths reach here ({@link io.keywarden.server.auth.SigV4AuthFilter#isPublic} lets
 * through no encoded character and no dot segment), and only the file types below are served. The security headers
 * are {@link ConsoleHeadersFilter}'s.
 */
@Hidden
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
public class ConsoleFilesController {
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "png", "image/png",
            "svg", "image/svg+xml");

    private final Map<String, Optional<byte[]>> files = new ConcurrentHashMap<>();

    /** {@code /console/}: {@code index.html}. */
    @Get("/console/")
    public MutableHttpResponse<?> index() {
        return file("index.html");
    }

    /** A file of the console. */
    @Get("/console/{+path}")
    public MutableHttpResponse<?> file(@Nullable @PathVariable String path) {
        if (path == null || path.isEmpty()) {
            path = "index.html";
        }
        int dot = path.lastIndexOf('.');
        String type = dot < 0 ? null : TYPES.get(path.substring(dot + 1));
        if (type == null || path.contains("..") || path.startsWith("/")) {
            return HttpResponse.notFound();
        }
        Optional<byte[]> bytes = files.computeIfAbsent(path, ConsoleFilesController::load);
        if (bytes.isEmpty()) {
            return HttpResponse.notFound();
        }
        return HttpResponse.ok(bytes.get()).contentType(MediaType.of(type))
                .header("Cache-Control", path.equals("index.html") ? "no-cache" : "max-age=300")
                // sent as is: the server's response compression answered browsers' "br, zstd" with bodies they
                // could not read (the files are small; ~14 KB gzipped together)
                .header("Content-Encoding", "identity");
    }

    private static Optional<byte[]> load(String path) {
        try (InputStream in = ConsoleFilesController.class.getClassLoader().getResourceAsStream("console/" + path)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
