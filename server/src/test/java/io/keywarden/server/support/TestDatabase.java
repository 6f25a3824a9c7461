package io.keywarden.server.support;

import io.keywarden.server.config.DataSourceUrlConfigurer;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * A fresh, empty database for one test (or one server): an in-memory H2 database in PostgreSQL mode, or a new schema
 * in the PostgreSQL database named by {@code KEYWARDEN_TEST_POSTGRES_URL} (with {@code _USER}, {@code _PASSWORD}),
 * which {@code scripts/with-postgres.sh} sets. Without that variable the PostgreSQL tests are skipped, unless
 * {@code KEYWARDEN_TEST_POSTGRES_REQUIRED=true} (CI), which makes them fail. Flyway migrates the schema when the
 * server's context starts, exactly as in production.
 */
public abstract class TestDatabase implements AutoCloseable {
    public static final String POSTGRES_URL = "KEYWARDEN_TEST_POSTGRES_URL";
    public static final String POSTGRES_REQUIRED = "KEYWARDEN_TEST_POSTGRES_REQUIRED";

    /** The datasource settings for a Micronaut context (as {@code DATASOURCES_DEFAULT_*} would give them). */
    public abstract Map<String, Object> properties();

    /** The JDBC URL, user and password, for a server started as a separate process. */
    public abstract String url();

    public abstract String user();

    public abstract String password();

    public abstract boolean isPostgres();

    /** A plain connection outside any pool (to tamper with rows in tests, or inspect them). */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), user(), password());
    }

    @Override
    public abstract void close();

    public static TestDatabase h2() {
        return new H2("kw" + UUID.randomUUID().toString().replace("-", ""));
    }

    public static TestDatabase postgres() {
        String url = System.getenv(POSTGRES_URL);
        boolean required = "true".equalsIgnoreCase(System.getenv(POSTGRES_REQUIRED));
        if (url == null || url.isBlank()) {
            if (required) {
                Assertions.fail(POSTGRES_REQUIRED + " is true but " + POSTGRES_URL + " is not set");
            }
            Assumptions.abort("no PostgreSQL: run the tests with scripts/with-postgres.sh to include these");
        }
        String user = System.getenv().getOrDefault("KEYWARDEN_TEST_POSTGRES_USER", "keywarden");
        String password = System.getenv().getOrDefault("KEYWARDEN_TEST_POSTGRES_PASSWORD", "");
        String schema = "kw_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            if (required) {
                Assertions.fail("PostgreSQL is required (" + POSTGRES_REQUIRED + ") but " + url + " is unreachable: "
                        + e.getMessage(), e);
            }
            Assumptions.abort("PostgreSQL at " + url + " is unreachable: " + e.getMessage());
        }
        return new Postgres(url, user, password, schema);
    }

    private static final class H2 extends TestDatabase {
        private final String url;
        private Connection keepAlive;

        H2(String name) {
            this.url = "jdbc:h2:mem:" + name + DataSourceUrlConfigurer.H2_SETTINGS.replace(";DB_CLOSE_ON_EXIT=FALSE", "");
            try {
                // the in-memory database lives while a connection is open: keep one for the test's lifetime
                keepAlive = DriverManager.getConnection(url, "sa", "");
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public Map<String, Object> properties() {
            Map<String, Object> p = new HashMap<>();
            p.put("datasources.default.url", url);
            p.put("datasources.default.username", "sa");
            p.put("datasources.default.password", "");
            p.put("datasources.default.driver-class-name", "org.h2.Driver");
            return p;
        }

        @Override
        public String url() {
            return url;
        }

        @Override
        public String user() {
            return "sa";
        }

        @Override
        public String password() {
            return "";
        }

        @Override
        public boolean isPostgres() {
            return false;
        }

        @Override
        public void close() {
            try (Connection c = keepAlive; Statement s = c.createStatement()) {
                s.execute("SHUTDOWN");
            } catch (SQLException e) {
                // already gone
            }
        }

        @Override
        public String toString() {
            return "H2";
        }
    }

    private static final class Postgres extends TestDatabase {
        private final String baseUrl;
        private final String user;
        private final String password;
        private final String schema;

        Postgres(String baseUrl, String user, String password, String schema) {
            this.baseUrl = baseUrl;
            this.user = user;
            this.password = password;
            this.schema = schema;
        }

        @Override
        public Map<String, Object> properties() {
            Map<String, Object> p = new HashMap<>();
            // no driver class name: it is inferred from the URL, as in production
            p.put("datasources.default.url", url());
            p.put("datasources.default.username", user);
            p.put("datasources.default.password", password);
            return p;
        }

        @Override
        public String url() {
            return baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        }

        @Override
        public String user() {
            return user;
        }

        @Override
        public String password() {
            return password;
        }

        @Override
        public boolean isPostgres() {
            return true;
        }

        @Override
        public void close() {
            try (Connection c = DriverManager.getConnection(baseUrl, user, password); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            } catch (SQLException e) {
                // the throw-away server is removed anyway
            }
        }

        @Override
        public String toString() {
            return "PostgreSQL (schema " + schema.toLowerCase(Locale.ROOT) + ")";
        }
    }
}
