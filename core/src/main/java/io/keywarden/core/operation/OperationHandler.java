package io.keywarden.core.operation;

import io.keywarden.core.auth.Caller;

/**
 * Performs one operation of the catalogue for an authenticated caller: authorises it, does it, and returns its typed
 * result, or throws a {@link io.keywarden.core.error.KeywardenException} with the AWS error.
 */
public interface OperationHandler<Q extends Record, R extends Record> {
    R handle(Caller caller, Q request);

    /**
     * Whether this request would be answered from memory now, without any I/O, so that a face may perform it on a
     * thread that must not block (the server's event loop). False unless the handler knows.
     */
    default boolean servedFromMemory(Caller caller, Q request) {
        return false;
    }

    /** A handler that never does I/O (GetCallerIdentity). */
    static <Q extends Record, R extends Record> OperationHandler<Q, R> inMemory(OperationHandler<Q, R> handler) {
        return new OperationHandler<>() {
            @Override
            public R handle(Caller caller, Q request) {
                return handler.handle(caller, request);
            }

            @Override
            public boolean servedFromMemory(Caller caller, Q request) {
                return true;
            }
        };
    }
}
