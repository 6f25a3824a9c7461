package io.keywarden.server.blocking;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.order.Ordered;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Watches the one door to the database, {@link DataSource#getConnection()}: on a Netty event-loop thread it counts the
 * connection and logs a warning once, because blocking an event loop stalls every connection it serves. Nothing is
 * refused: work reaches an event loop only when it was found to be answerable from memory (cache-first), so a count
 * above zero is a bug in that finding. Tests assert that the count stays zero.
 */
@Singleton
public class BlockingGuard implements BeanCreatedEventListener<DataSource>, Ordered {
    private static final Logger LOG = LoggerFactory.getLogger(BlockingGuard.class);
    private static final AtomicLong EVENT_LOOP_CONNECTIONS = new AtomicLong();

    /**
     * First among the data source listeners, so that Micronaut Data's contextual wrapper goes around this one (its
     * connection operations unwrap that wrapper and then call this one) and Flyway migrates through it.
     */
    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public DataSource onCreated(BeanCreatedEvent<DataSource> event) {
        return new Guarded(event.getBean());
    }

    /** JDBC connections taken on a Netty event-loop thread since start (should be 0). */
    public static long eventLoopConnections() {
        return EVENT_LOOP_CONNECTIONS.get();
    }

    static void check() {
        if (EventLoops.onEventLoop()) {
            if (EVENT_LOOP_CONNECTIONS.getAndIncrement() == 0) {
                LOG.warn("a JDBC connection was taken on event-loop thread {}: the database blocks every request of"
                        + " that loop; run this work on the blocking executor", Thread.currentThread().getName(),
                        new IllegalStateException("JDBC on the event loop"));
            }
        }
    }

    private static final class Guarded implements DataSource {
        private final DataSource target;

        Guarded(DataSource target) {
            this.target = target;
        }

        @Override
        public Connection getConnection() throws SQLException {
            check();
            return target.getConnection();
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            check();
            return target.getConnection(username, password);
        }

        @Override
        public PrintWriter getLogWriter() throws SQLException {
            return target.getLogWriter();
        }

        @Override
        public void setLogWriter(PrintWriter out) throws SQLException {
            target.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException {
            target.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws SQLException {
            return target.getLoginTimeout();
        }

        @Override
        public java.util.logging.Logger getParentLogger() throws SQLFeatureNotSupportedException {
            return target.getParentLogger();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            return type.isInstance(this) ? type.cast(this) : target.unwrap(type);
        }

        @Override
        public boolean isWrapperFor(Class<?> type) throws SQLException {
            return type.isInstance(this) || target.isWrapperFor(type);
        }

        @Override
        public String toString() {
            return "Guarded[" + target + "]";
        }
    }
}
