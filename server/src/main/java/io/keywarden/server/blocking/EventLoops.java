package io.keywarden.server.blocking;

import io.netty.util.concurrent.EventExecutor;
import io.netty.util.internal.ThreadExecutorMap;

import java.util.concurrent.CompletableFuture;

/** What the server needs to know about Netty's event loops: whether this is one, and how to answer from one. */
public final class EventLoops {
    private EventLoops() {
    }

    /** Whether the current thread runs a Netty event loop (Netty records each of its threads' executor). */
    public static boolean onEventLoop() {
        EventExecutor executor = ThreadExecutorMap.currentExecutor();
        return executor != null && executor.inEventLoop();
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
}
