package io.keywarden.server.persistence;

import io.keywarden.core.auth.Caller;
import io.keywarden.core.crypto.SecretSealer;
import io.keywarden.core.identity.Account;
import io.keywarden.core.identity.Principal;
import io.keywarden.core.port.Page;
import io.keywarden.core.port.PageRequest;
import io.keywarden.core.port.UserSummaryStore.Sort;
import io.keywarden.core.service.UserOverview;
import io.keywarden.core.service.UserSummaryService;
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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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
 * The console's Users table (ListUserSummaries) at scale: opt-in, like {@link ScaleTest}
 * ({@code -Dkeywarden.scale=true}, 100,000 users with two keys each by default, {@code -Dkeywarden.scale.users=N};
 * {@code -Dkeywarden.scale.jdbc-url=…} for PostgreSQL). Per-page times of a page of 20 (the console's) for each order,
 * first pages and pages deep in, through the use case and over signed HTTP; written to
 * {@code server/target/user-summaries-scale-results.txt}.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@EnabledIfSystemProperty(named = "keywarden.scale", matches = "true")
@SlowTest
class UserSummariesScaleTest extends ServerTestSupport {
    private static final int USERS = Integer.getInteger("keywarden.scale.users", 100_000);
    private static final int PAGE = 20;

    @Inject
    DataSource dataSource;
    @Inject
    Account account;
    @Inject
    SecretSealer sealer;
    @Inject
    UserSummaryService summaries;

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
    void measuresTheUsersTableAtScale() throws Exception {
        DataSource raw = DelegatingDataSource.unwrapDataSource(dataSource);
        String database;
        try (java.sql.Connection c = raw.getConnection()) {
            database = c.getMetaData().getDatabaseProductName() + " " + c.getMetaData().getDatabaseProductVersion();
        }
        note("scale: " + USERS + " users, " + 2 * USERS + " keys, " + database + ", " + Runtime.getRuntime()
                .availableProcessors() + " cores, load average " + loadAverage());
        new ScaleDataLoader(raw, account.id(), sealer, new SecureRandom()).load(USERS);
        Caller root = new Caller(Principal.root(account.id()), ROOT_ACCESS_KEY_ID, Instant.now(), "127.0.0.1",
                "scale-test", false, "us-east-1", "iam");
        Random random = new Random(42);

        for (Sort sort : Sort.values()) {
            boolean fast = sort == Sort.USER_NAME || sort == Sort.CREATE_DATE;
            // markers deep into the listing: every 50th page of 20 within the first 100,000 rows' first pages
            List<String> markers = new ArrayList<>();
            Page<UserOverview> page = summaries.list(root, sort, false, null, new PageRequest(null, 1000));
            for (int i = 0; i < (fast ? 50 : 3) && page.isTruncated(); i++) {
                markers.add(page.nextMarker());
                page = summaries.list(root, sort, false, null, new PageRequest(page.nextMarker(), 1000));
            }
            assertThat(markers).isNotEmpty();
            int n = fast ? 500 : 20;
            time("ListUserSummaries " + sort.wireName() + ", first page of 20 (use case)", n, i ->
                    assertThat(summaries.list(root, sort, false, null, new PageRequest(null, PAGE)).items())
                            .hasSize(PAGE));
            time("ListUserSummaries " + sort.wireName() + ", page of 20 deep in (use case)", n, i ->
                    summaries.list(root, sort, false, null,
                            new PageRequest(markers.get(random.nextInt(markers.size())), PAGE)));
            time("ListUserSummaries " + sort.wireName() + " desc, first page of 20 (use case)", n, i ->
                    summaries.list(root, sort, true, null, new PageRequest(null, PAGE)));
        }
        time("ListUserSummaries name prefix search \"user-0420\" (use case)", 500, i ->
                summaries.list(root, Sort.USER_NAME, false, "user-0420", new PageRequest(null, PAGE)));

        SignedClient http = root();
        http.get("/v1/caller-identity");
        time("GET /v1/user-summaries?maxItems=20 (default order, signed HTTP)", 300, i ->
                expect200(http.get("/v1/user-summaries?maxItems=20")));
        time("GET /v1/user-summaries?maxItems=20&sort=createDate&order=desc (signed HTTP)", 300, i ->
                expect200(http.get("/v1/user-summaries?maxItems=20&sort=createDate&order=desc")));
        time("GET /v1/user-summaries?maxItems=20&sort=activeKeyAge (signed HTTP)", 20, i ->
                expect200(http.get("/v1/user-summaries?maxItems=20&sort=activeKeyAge")));
        Response first = http.get("/v1/user-summaries?maxItems=20&sort=createDate");
        String marker = URLEncoder.encode(first.json().path("marker").asText(), StandardCharsets.UTF_8);
        time("GET /v1/user-summaries, Next page by createDate (signed HTTP)", 300, i ->
                expect200(http.get("/v1/user-summaries?maxItems=20&sort=createDate&marker=" + marker)));
        note("load average at the end: " + loadAverage());
        Files.write(Path.of("target", "user-summaries-scale-results.txt"), results);
    }

    private static void expect200(Response r) {
        if (r.status() != 200) {
            throw new AssertionError(r.toString());
        }
    }

    /** Runs {@code op} {@code n} times after {@code n / 10} (at least 3) unmeasured warm-up runs; p50, p99, max. */
    private void time(String what, int n, IntConsumer op) {
        for (int i = 0; i < Math.max(3, n / 10); i++) {
            op.accept(i);
        }
        long[] nanos = new long[n];
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            op.accept(i);
            nanos[i] = System.nanoTime() - t0;
        }
        Arrays.sort(nanos);
        note(String.format(Locale.ROOT, "%-72s p50 %8.3f ms  p99 %8.3f ms  max %8.3f ms  (n=%d)", what,
                nanos[n / 2] / 1e6, nanos[(int) Math.ceil(n * 0.99) - 1] / 1e6, nanos[n - 1] / 1e6, n));
    }

    private void note(String line) {
        System.out.println(line);
        results.add(line);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }
}
