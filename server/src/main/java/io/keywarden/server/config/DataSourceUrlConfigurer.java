package io.keywarden.server.config;

import io.keywarden.server.settings.KeywardenConfig;
import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.env.Environment;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;

import java.nio.file.Path;

/**
 * Points the default datasource at the embedded H2 database {@code <data-dir>/keywarden} unless a URL is configured
 * ({@code datasources.default.url}, e.g. {@code DATASOURCES_DEFAULT_URL} for PostgreSQL). Creates the data folder
 * first, so it exists (mode 0700) before anything is written into it.
 *
 * <p>H2 settings: {@code MODE=PostgreSQL} and lower-case identifiers keep the SQL portable;
 * {@code WRITE_DELAY=0} makes every commit write its changes to the database file before the commit returns,
 * so an acknowledged write survives the process being killed (H2's default of 500 ms would lose up to half a
 * second of commits on {@code kill -9}). The file is not fsynced per commit, so an operating-system crash or power
 * loss can still lose the last commits; use PostgreSQL where that matters. {@code DB_CLOSE_ON_EXIT=FALSE} leaves
 * closing to the server's own shutdown (H2's JVM hook would otherwise close the database before the last-used
 * records are flushed); the database closes when the pool closes its last connection.
 */
@Singleton
public class DataSourceUrlConfigurer implements BeanCreatedEventListener<DatasourceConfiguration> {
    public static final String H2_SETTINGS = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH"
            + ";WRITE_DELAY=0;LOCK_TIMEOUT=10000;DB_CLOSE_ON_EXIT=FALSE";

    private final KeywardenConfig config;
    private final Environment environment;

    public DataSourceUrlConfigurer(KeywardenConfig config, Environment environment) {
        this.config = config;
        this.environment = environment;
    }

    /** The JDBC URL of the embedded database in {@code dataDir}. */
    public static String h2Url(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.resolve("keywarden").toAbsolutePath() + H2_SETTINGS;
    }

    @Override
    public DatasourceConfiguration onCreated(BeanCreatedEvent<DatasourceConfiguration> event) {
        DatasourceConfiguration ds = event.getBean();
        // Micronaut fills in an in-memory URL when none is configured, so ask the configuration, not the bean
        String prefix = "datasources." + ds.getName() + ".";
        boolean configured = !blank(environment.getProperty(prefix + "url", String.class).orElse(null))
                || !blank(environment.getProperty(prefix + "jdbc-url", String.class).orElse(null));
        if ("default".equals(ds.getName()) && !configured) {
            Path dataDir = DataFiles.ensureDirectory(config.dataDirPath());
            ds.setUrl(h2Url(dataDir));
            ds.setDriverClassName("org.h2.Driver");
            ds.setUsername("sa");
            ds.setPassword("");
        }
        return ds;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
