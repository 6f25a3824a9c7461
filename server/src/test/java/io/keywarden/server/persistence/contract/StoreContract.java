package io.keywarden.server.persistence.contract;

import io.keywarden.core.identity.Account;
import io.keywarden.core.identity.AccountId;
import io.keywarden.core.identity.User;
import io.keywarden.core.identity.UserName;
import io.keywarden.core.identity.UserPath;
import io.keywarden.core.keys.AccessKey;
import io.keywarden.core.keys.AccessKeyId;
import io.keywarden.core.keys.KeyOwner;
import io.keywarden.core.keys.KeyStatus;
import io.keywarden.core.port.StoredAccessKey;
import io.keywarden.server.support.ServerTestSupport;
import io.keywarden.server.support.TestDatabase;
import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Base of the store contract suite: one abstract class per store holds the tests of every operation; a subclass per
 * database runs them, and one more runs them on the in-memory stores the use-case tests use. Each test gets a fresh
 * database (a new in-memory H2 database, or a new PostgreSQL schema) migrated by Flyway, and the server's own beans
 * over it (a Micronaut context without the HTTP server); or, in memory, fresh stores and no context at all.
 */
public abstract class StoreContract {
    protected static final Instant T0 = Instant.parse("2026-01-02T03:04:05.678Z");
    protected static final String ACCOUNT = "123456789012";

    protected TestDatabase database;
    protected ApplicationContext context;
    protected Account account;
    protected final Random random = new Random(42);
    private Path dataDir;
    private Map<Class<?>, Object> inMemory = Map.of();

    /** The database this subclass runs on; empty (the default) for a run on {@link #inMemoryStores}. */
    protected Optional<TestDatabase> newDatabase() {
        return Optional.empty();
    }

    /** For a run without a database: the stores (and services over them) that {@link #bean} answers with. */
    protected Map<Class<?>, Object> inMemoryStores() {
        return Map.of();
    }

    @BeforeEach
    void openDatabase(TestInfo info) throws IOException {
        Optional<TestDatabase> db = newDatabase();
        if (db.isEmpty()) {
            account = new Account(AccountId.of(ACCOUNT), T0);
            inMemory = Map.copyOf(inMemoryStores());
            return;
        }
        database = db.get();
        dataDir = Files.createTempDirectory("keywarden-contract-");
        Map<String, Object> props = new HashMap<>(database.properties());
        props.put("keywarden.data-dir", dataDir.toString());
        props.put("keywarden.account-id", ACCOUNT);
        props.put("keywarden.root-access-key-id", ServerTestSupport.ROOT_ACCESS_KEY_ID);
        props.put("keywarden.root-secret-access-key", ServerTestSupport.ROOT_SECRET);
        props.put("datasources.default.maximum-pool-size", 24);
        props.putAll(extraProperties());
        context = ApplicationContext.run(props);
        account = context.getBean(Account.class);
    }

    /** Further settings for one contract. */
    protected Map<String, Object> extraProperties() {
        return Map.of();
    }

    @AfterEach
    void closeDatabase() {
        try {
            if (context != null) {
                context.close();
            }
        } finally {
            // null when the test was skipped before it had a database (no PostgreSQL configured)
            if (database != null) {
                database.close();
            }
            deleteQuietly(dataDir);
        }
    }

    protected AccountId acct() {
        return account.id();
    }

    protected <T> T bean(Class<T> type) {
        if (context == null) {
            Object store = inMemory.get(type);
            Assertions.assertNotNull(store, "no in-memory " + type.getSimpleName() + " given");
            return type.cast(store);
        }
        return context.getBean(type);
    }

    /** False on the in-memory stores: for what only a database holds (rows, constraints across stores, beans). */
    protected boolean onDatabase() {
        return database != null;
    }

    protected User user(String name, String path) {
        return new User(acct(), "AIDA" + Long.toString(Math.abs(random.nextLong()), 32).toUpperCase() + "XYZ",
                UserName.of(name), UserPath.of(path), T0);
    }

    protected StoredAccessKey key(User owner, KeyStatus status, Instant created) {
        AccessKeyId id = AccessKeyId.generate(acct(), random);
        return new StoredAccessKey(new AccessKey(id, acct(), KeyOwner.user(owner.userId(), owner.userName()), status,
                created, null), "v1:sealed-" + id.value());
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // temporary anyway
        }
    }

    /** Runs {@code n} tasks at once (released together) and returns their results in task order. */
    protected static <T> List<T> race(int n, ThrowingFunction<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                Callable<T> c = () -> {
                    start.await();
                    return task.apply(index);
                };
                futures.add(pool.submit(c));
            }
            start.countDown();
            List<T> out = new ArrayList<>();
            for (Future<T> f : futures) {
                out.add(f.get(60, TimeUnit.SECONDS));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    @FunctionalInterface
    protected interface ThrowingFunction<T> {
        T apply(int index) throws Exception;
    }
}
