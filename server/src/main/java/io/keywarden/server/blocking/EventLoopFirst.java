package io.keywarden.server.blocking;

import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Runs a read-only use case on the calling thread (the event loop) when everything it needs is in memory, and on the
 * blocking executor otherwise: the first attempt runs with database access forbidden, and the moment it would take a
 * JDBC connection ({@link BlockingGuard} checks {@link #checkMayBlock()} there, before any I/O) it is abandoned and
 * run again from the start on the blocking executor. So a request served from the caches never changes thread, and
 * one that needs the database never blocks the event loop.
 *
 * <p>Only for work without side effects before its first database access (reads): the abandoned attempt's effects
 * are not undone.
 */
@Singleton
public class EventLoopFirst {
    private static final ThreadLocal<Boolean> MEMORY_ONLY = new ThreadLocal<>();

    private final Executor blocking;

    public EventLoopFirst(@Named(TaskExecutors.BLOCKING) Executor blocking) {
        this.blocking = blocking;
    }

    /** The work's result: completed at once when it needed no database, otherwise completed on the blocking executor. */
    public <T> CompletableFuture<T> supply(Supplier<T> work) {
        if (MEMORY_ONLY.get() != null) {
            // nested: the outer attempt decides
            return CompletableFuture.completedFuture(work.get());
        }
        MEMORY_ONLY.set(Boolean.TRUE);
        try {
            return CompletableFuture.completedFuture(work.get());
        } catch (RuntimeException e) {
            if (WouldBlock.isCause(e)) {
                return CompletableFuture.supplyAsync(work, blocking);
            }
            return CompletableFuture.failedFuture(e);
        } finally {
            MEMORY_ONLY.remove();
        }
    }

    /** Throws {@link WouldBlock} inside a first attempt; called before anything that may block. */
    public static void checkMayBlock() {
        if (MEMORY_ONLY.get() != null) {
            throw WouldBlock.INSTANCE;
        }
    }

    /** The signal that a first attempt needs the database; carries no stack trace. */
    static final class WouldBlock extends RuntimeException {
        static final WouldBlock INSTANCE = new WouldBlock();

        private WouldBlock() {
            super("this work needs the database and runs on the blocking executor", null, false, false);
        }

        static boolean isCause(Throwable t) {
            for (Throwable c = t; c != null; c = c.getCause()) {
                if (c instanceof WouldBlock) {
                    return true;
                }
                if (c.getCause() == c) {
                    break;
                }
            }
            return false;
        }
    }
}
