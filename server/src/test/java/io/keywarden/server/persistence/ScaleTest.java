package io.keywarden.server.persistence;

import io.keywarden.core.auth.Caller;
import io.keywarden.core.auth.CredentialResolver;
import io.keywarden.core.crypto.SecretSealer;
import io.keywarden.core.identity.Account;
import io.keywarden.core.identity.Principal;
import io.keywarden.core.port.PageRequest;
import io.keywarden.core.service.CredentialReportService;
import io.keywarden.core.service.IdentityService;
import io.keywarden.server.support.ServerTestSupport;
import io.keywarden.server.support.SignedClient;
import io.keywarden.server.support.SignedClient.Response;
import io.keywarden.server.support.SlowTest;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.IntConsumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keywarden at scale (SPEC §11): loads 100,000 users with 200,000 access keys, then measures owner look-up by key ID, a
 * ListUsers page, ListAccessKeys and a full credential report, at the use-case level (the JDBC stores, no HTTP) and
 * through signed HTTP requests. Not part of the normal build; run it with
 *
 * <pre>
 * mvn -B -q -pl core,sdk,server -am verify -Dtest=ScaleTest -Dsurefire.failIfNoSpecifiedTests=false -Dkeywarden.scale=true
 * </pre>
 * ({@code -Dkeywarden.scale.users=N} for another size; {@code -Dkeywarden.scale.jdbc-url=jdbc:postgresql://...} with
 * {@code .username} and {@code .password} for PostgreSQL instead of the embedded H2). The figures are printed and
 * written to {@code server/target/scale-results.txt}.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@EnabledIfSystemProperty(named = "keywarden.scale", matches = "true")
@SlowTest
class ScaleTest extends ServerTestSupport {
    private static final int USERS = Integer.getInteger("keywarden.scale.users", 100_000);
    private static final int SAMPLES = 2_000;
    private static final int HTTP_SAMPLES = 500;

    @Inject
    DataSource dataSource;
    @Inject
    Account account;
    @Inject
    SecretSealer sealer;
    @Inject
    IdentityService identity;
    @Inject
    CredentialReportService reports;
    @Inject
    CredentialResolver resolver;

    private final List<String> results = new ArrayList<>();

    @Override
    protected Map<String, String> extraProperties() {
        Map<String, String> props = new HashMap<>();
        String url = System.getProperty("keywarden.scale.jdbc-url");
        if (url != null) {
            props.put("datasources.default.url", url);
            props.put("datasources.default.username", System.getProperty("keywarden.scale.username", "keywarden"));
            props.put("datasources.default.password", System.getProperty("keywarden.scale.password", ""));
            props.put("datasources.default.driver-class-name", "org.postgresql.Driver");
        }
        return props;
    }

    @Test
    void measuresTheTargetsAtScale() throws Exception {
        DataSource raw = DelegatingDataSource.unwrapDataSource(dataSource);
        String database;
        try (java.sql.Connection c = raw.getConnection()) {
            database = c.getMetaData().getDatabaseProductName() + " " + c.getMetaData().getDatabaseProductVersion();
        }
        note("scale: " + USERS + " users, " + 2 * USERS + " keys, " + database + ", " + Runtime.getRuntime()
                .availableProcessors() + " cores, load average " + loadAverage());

        long start = System.nanoTime();
        ScaleDataLoader.Loaded loaded = new ScaleDataLoader(raw, account.id(), sealer, new SecureRandom())
                .load(USERS);
        note(String.format(Locale.ROOT, "load: %.1f s (JDBC batch inserts of users and keys with sealed secrets)",
                seconds(start)));

        Caller root = new Caller(Principal.root(account.id()), ROOT_ACCESS_KEY_ID, Instant.now(), "127.0.0.1",
                "scale-test", false, "us-east-1", "iam");
        Random random = new Random(42);
        List<String> keyIds = loaded.keyIds();
        List<String> userNames = loaded.userNames();

        time("owner look-up by key ID (use case)", SAMPLES, i ->
                identity.findKeyOwner(root, keyIds.get(random.nextInt(keyIds.size()))));
        // every user's first key is Active (keyIds holds each user's two keys in turn)
        time("credential resolution of a key (authentication cache miss)", SAMPLES, i ->
                assertThat(resolver.resolve(keyIds.get(2 * random.nextInt(USERS)))).isPresent());
        time("ListUsers page of 100, first page (use case)", SAMPLES / 4, i ->
                identity.listUsers(root, null, PageRequest.first()));
        time("ListUsers page of 100 after a random marker (use case)", SAMPLES, i ->
                identity.listUsers(root, null, new PageRequest(
                        PageRequest.markerFor(userNames.get(random.nextInt(userNames.size())).toLowerCase(Locale.ROOT)),
                        100)));
        time("ListUsers page of 100 under a path prefix (use case)", SAMPLES / 4, i ->
                identity.listUsers(root, "/team-7/", PageRequest.first()));
        time("ListAccessKeys of a named user (use case)", SAMPLES, i ->
                identity.listAccessKeys(root, userNames.get(random.nextInt(userNames.size())), PageRequest.first()));

        SignedClient http = root();
        http.get("/v1/caller-identity");
        time("owner look-up by key ID (signed HTTP GET)", HTTP_SAMPLES, i -> expect200(http.get(
                "/v1/access-keys/" + keyIds.get(random.nextInt(keyIds.size())) + "/owner")));
        time("ListUsers page of 100 after a random marker (signed HTTP GET)", HTTP_SAMPLES, i -> expect200(http.get(
                "/v1/users?maxItems=100&marker=" + PageRequest.markerFor(
                        userNames.get(random.nextInt(userNames.size())).toLowerCase(Locale.ROOT)))));
        time("ListAccessKeys of a named user (signed HTTP GET)", HTTP_SAMPLES, i -> expect200(http.get(
                "/v1/users/" + userNames.get(random.nextInt(userNames.size())) + "/access-keys")));

        for (int run = 1; run <= 2; run++) {
            long t0 = System.nanoTime();
            String csv = reports.render(Instant.now());
            note(String.format(Locale.ROOT, "credential report, render %d: %.2f s, %d lines, %.1f MB", run,
                    seconds(t0), csv.lines().count(), csv.length() / 1e6));
            assertThat(csv.lines().count()).isEqualTo(USERS + 2L);
        }
        long t0 = System.nanoTime();
        Response generated = http.post("/v1/credential-report", null);
        note(String.format(Locale.ROOT, "credential report, GenerateCredentialReport over HTTP (render + store): %.2f s"
                + " (%d)", seconds(t0), generated.status()));
        t0 = System.nanoTime();
        Response report = http.get("/v1/credential-report");
        note(String.format(Locale.ROOT, "credential report, GetCredentialReport over HTTP: %.2f s (%d, %.1f MB)",
                seconds(t0), report.status(), report.body().length() / 1e6));
        note("load average at the end: " + loadAverage());

        Files.write(Path.of("target", "scale-results.txt"), results);
    }

    private static void expect200(Response r) {
        if (r.status() != 200) {
            throw new AssertionError(r.toString());
        }
    }

    /** Runs {@code op} {@code n} times after {@code n / 10} unmeasured warm-up runs; notes p50, p99 and max. */
    private void time(String what, int n, IntConsumer op) {
        for (int i = 0; i < Math.max(10, n / 10); i++) {
            op.accept(i);
        }
        long[] nanos = new long[n];
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            op.accept(i);
            nanos[i] = System.nanoTime() - t0;
        }
        Arrays.sort(nanos);
        note(String.format(Locale.ROOT, "%-62s p50 %7.3f ms  p99 %7.3f ms  max %7.3f ms  (n=%d)", what,
                nanos[n / 2] / 1e6, nanos[(int) Math.ceil(n * 0.99) - 1] / 1e6, nanos[n - 1] / 1e6, n));
    }

    private void note(String line) {
        System.out.println(line);
        results.add(line);
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
