package io.keywarden.server.blocking;

import io.micronaut.scheduling.TaskExecutors;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.internal.ThreadExecutorMap;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Runs a read-only use case on the calling thread (the event loop) when everything it needs is in memory, and on the
 * blocking executor otherwise: the first attempt runs with blocking forbidden, and the moment it would block (a JDBC
 * connection: {@link BlockingGuard}; a policy-cache miss: {@code PolicyCache}; both ask before any I/O) it is abandoned and run again from the start on the blocking executor. So a request served from the
 * caches never changes thread, and one that needs the database never blocks the event loop.
 *
 * <p>The signal is an {@link Error}, so that the fail-closed {@code catch (RuntimeException e)} of the authorizers
 * does not turn it into a denial; and should anything swallow it anyway, the attempt is still discarded, because it
 * is remembered that the attempt wanted to block. Only for work without side effects before its first blocking call
 * (reads): the abandoned attempt's effects are not undone.
 */
@Singleton
public class EventLoopFirst {
    private static final ThreadLocal<Attempt> ATTEMPT = new ThreadLocal<>();

    private final Executor blocking;

    public EventLoopFirst(@Named(TaskExecutors.BLOCKING) Executor blocking) {
        this.blocking = blocking;
    }

    /** The state of a first attempt on this thread. */
    private static final class Attempt {
        boolean wantedToBlock;
    }

    /**
     * The work's result: completed at once when it needed no I/O, otherwise completed on the blocking executor. Off
     * the event loop the work simply runs.
     */
    public <T> CompletableFuture<T> supply(Supplier<T> work) {
        if (ATTEMPT.get() != null) {
            return CompletableFuture.completedFuture(work.get()); // nested: the outer attempt decides
        }
        if (!onEventLoop()) {
            // already on a thread that may block (e.g. the authentication filter loaded a credential on the blocking
            // executor and the request went on from there): nothing to gain from an attempt
            try {
                return CompletableFuture.completedFuture(work.get());
            } catch (RuntimeException e) {
                return CompletableFuture.failedFuture(e);
            }
        }
        Attempt attempt = new Attempt();
        ATTEMPT.set(attempt);
        CompletableFuture<T> outcome;
        try {
            outcome = CompletableFuture.completedFuture(work.get());
        } catch (WouldBlock e) {
            outcome = null;
        } catch (RuntimeException e) {
            outcome = CompletableFuture.failedFuture(e);
        } finally {
            ATTEMPT.remove();
        }
        if (attempt.wantedToBlock) {
            return CompletableFuture.supplyAsync(work, blocking);
        }
        return outcome;
    }

    /** Inside a first attempt, abandons it ({@link WouldBlock}); elsewhere does nothing. Call before blocking I/O. */
    public static void checkMayBlock() {
        if (refuseBlocking()) {
            throw WouldBlock.INSTANCE;
        }
    }

    /**
     * Inside a first attempt, marks it as abandoned and answers true: the caller must then fail at once with an
     * exception of its own choosing (it will not be seen; the attempt is run again on the blocking executor).
     */
    public static boolean refuseBlocking() {
        Attempt attempt = ATTEMPT.get();
        if (attempt == null) {
            return false;
        }
        attempt.wantedToBlock = true;
        return true;
    }

    /**
     * A result that is already complete, handed over in a new task of the current event loop instead of at once: a
     * request whose body arrived after its head is routed from inside Micronaut's body-buffer callback, and answering
     * it synchronously there makes Micronaut close the body re-entrantly (an assertion in its StreamingNettyByteBody,
     * with tests' {@code -ea}; possibly a leaked buffer without). Off an event loop, or not yet complete: unchanged.
     */
    public static <T> CompletableFuture<T> deferred(CompletableFuture<T> result) {
        EventExecutor executor = ThreadExecutorMap.currentExecutor();
        if (!result.isDone() || executor == null || !executor.inEventLoop()) {
            return result;
        }
        CompletableFuture<T> later = new CompletableFuture<>();
        executor.execute(() -> result.whenComplete((value, failure) -> {
            if (failure != null) {
                later.completeExceptionally(failure);
            } else {
                later.complete(value);
            }
        }));
        return later;
    }

    /** Whether the current thread runs a Netty event loop (Netty records each of its threads' executor). */
    static boolean onEventLoop() {
        EventExecutor executor = ThreadExecutorMap.currentExecutor();
        return executor != null && executor.inEventLoop();
    }

    /** Whether the current thread is in a first attempt (where blocking is refused). */
    public static boolean inFirstAttempt() {
        return ATTEMPT.get() != null;
    }

    /** The signal that a first attempt needs to block; an Error so that no fail-closed handler mistakes it. */
    static final class WouldBlock extends Error {
        static final WouldBlock INSTANCE = new WouldBlock();

        private WouldBlock() {
            super("this work needs to block and runs on the blocking executor", null, false, false);
        }
    }
}
