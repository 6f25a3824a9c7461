package io.keywarden.server.http;

import io.keywarden.core.audit.AuditRecord;
import io.keywarden.core.auth.Caller;
import io.keywarden.core.operation.Operation;
import io.keywarden.core.operation.OperationInvoker;
import io.keywarden.core.operation.SignInHandler;
import io.keywarden.server.audit.AuditWriter;
import io.keywarden.server.blocking.EventLoops;
import io.keywarden.server.settings.KeywardenConfig;
import io.micronaut.http.HttpRequest;
import io.micronaut.scheduling.TaskExecutors;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Where both faces hand a decoded request to the catalogue: picks the thread (the calling event loop when the
 * operation says it can answer from memory, the blocking executor otherwise), performs it through the
 * {@link OperationInvoker} (authorisation, the use case, the audit event) and completes with the typed result. The
 * event goes to the {@link AuditWriter}: a change's answer waits for its commit, a read's only while the trail lags;
 * with {@code keywarden.audit.successful-reads=false} a successful read is not recorded.
 */
@Singleton
public class OperationCalls {
    /** The request attribute naming the {@link Operation} the request was resolved to (for the audit filter). */
    public static final String OPERATION_ATTRIBUTE = "keywarden.operation";
    /** The request attribute holding the event the operation recorded (so the audit filter records nothing more). */
    public static final String EVENT_ATTRIBUTE = "keywarden.audit.event";

    private final OperationInvoker invoker;
    private final AuditWriter writer;
    private final boolean recordSuccessfulReads;
    private final Executor blocking;

    public OperationCalls(OperationInvoker invoker, AuditWriter writer, KeywardenConfig.Audit audit,
                          @Named(TaskExecutors.BLOCKING) Executor blocking) {
        this.invoker = invoker;
        this.writer = writer;
        this.recordSuccessfulReads = audit.isSuccessfulReads();
        this.blocking = blocking;
    }

    /**
     * Performs {@code operation} for {@code caller} with the request {@code request} builds (building it may fail
     * with a validation error, which is then this call's failure); {@code successStatus} is the HTTP status the face
     * answers a success with, for the event.
     */
    public <Q extends Record, R extends Record> CompletableFuture<R> call(HttpRequest<?> http, Caller caller,
                                                                        Operation<Q, R> operation,
                                                                        Supplier<Q> request, int successStatus) {
        return perform(http, operation, request, successStatus, q -> invoker.servedFromMemory(operation, caller, q),
                (q, call, sink) -> invoker.invoke(operation, caller, q, call, sink));
    }

    /**
     * Performs the sign-in operation {@code operation} ({@link Operation#signIn()}) for {@code requester}, on the
     * blocking executor (a password check is deliberately slow), recorded like every other operation.
     */
    public <Q extends Record, R extends Record> CompletableFuture<R> signIn(HttpRequest<?> http,
                                                                          SignInHandler.Requester requester,
                                                                          Operation<Q, R> operation,
                                                                          Supplier<Q> request, int successStatus) {
        return perform(http, operation, request, successStatus, q -> false,
                (q, call, sink) -> invoker.signIn(operation, requester, q, call, sink));
    }

    /** How one kind of call is handed to the invoker. */
    @FunctionalInterface
    private interface Invocation<Q, R> {
        CompletableFuture<R> run(Q request, OperationInvoker.Call call, OperationInvoker.AuditSink sink);
    }

    /**
     * Builds the request (a failure to build it is this call's failure), then invokes it: on the event loop when
     * {@code inMemory} says it needs no I/O, otherwise on the blocking executor.
     */
    private <Q extends Record, R extends Record> CompletableFuture<R> perform(HttpRequest<?> http,
                                                                           Operation<Q, R> operation,
                                                                           Supplier<Q> request, int successStatus,
                                                                           java.util.function.Predicate<Q> inMemory,
                                                                           Invocation<Q, R> invocation) {
        http.setAttribute(OPERATION_ATTRIBUTE, operation);
        Q typed;
        try {
            typed = request.get();
        } catch (RuntimeException e) {
            return EventLoops.deferred(CompletableFuture.failedFuture(e));
        }
        OperationInvoker.Call call = new OperationInvoker.Call(RequestIds.of(http), successStatus);
        OperationInvoker.AuditSink sink = event -> record(http, event);
        if (inMemory.test(typed)) {
            return EventLoops.deferred(invocation.run(typed, call, sink));
        }
        return CompletableFuture.supplyAsync(() -> invocation.run(typed, call, sink), blocking)
                .thenCompose(result -> result);
    }

    private CompletableFuture<Void> record(HttpRequest<?> http, AuditRecord event) {
        http.setAttribute(EVENT_ATTRIBUTE, event);
        if (!event.readOnly()) {
            return writer.write(event);
        }
        if (event.succeeded() && !recordSuccessfulReads) {
            return CompletableFuture.completedFuture(null);
        }
        return writer.submit(event);
    }
}
