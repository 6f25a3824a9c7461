package io.keywarden.core.operation;

import io.keywarden.core.audit.AuditRecord;
import io.keywarden.core.audit.AuditSession;
import io.keywarden.core.audit.EventJson;
import io.keywarden.core.auth.Caller;
import io.keywarden.core.error.ErrorCode;
import io.keywarden.core.error.KeywardenException;
import io.keywarden.core.identity.AccountId;
import io.keywarden.core.identity.Principal;
import io.keywarden.core.error.SignInRefused;

import java.time.Clock;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Performs an operation for an authenticated caller and records it in the audit trail, for both faces: the one step
 * between "a face has decoded a typed request" and "the face renders the typed result or the error". The event is made
 * here, where the operation's name, its typed request and result and its outcome are known — never rebuilt from bytes
 * on the wire — and a change is answered only once its event is committed.
 */
public final class OperationInvoker {
    static final String INTERNAL_ERROR = "We encountered an internal error. Please try again.";
    static final String NOT_RECORDED = "the call could not be recorded in the audit trail; check whether it took effect";

    /**
     * Where events go. The returned stage completes when the event is safe enough to answer: committed for a change
     * ({@link AuditRecord#readOnly()} false), at once for a read unless the trail lags. It fails when the event could
     * not be written.
     */
    @FunctionalInterface
    public interface AuditSink {
        CompletableFuture<Void> record(AuditRecord event);
    }

    /**
     * What the face knows of the HTTP exchange.
     *
     * @param successStatus the status the face answers a success with (201 for a REST create, 200 on the Query face)
     */
    public record Call(String requestId, int successStatus) {
        public Call {
            Objects.requireNonNull(requestId, "requestId");
        }
    }

    private final Operations operations;
    private final AccountId account;
    private final Clock clock;
    private final Supplier<String> eventIds;

    public OperationInvoker(Operations operations, AccountId account, Clock clock, Supplier<String> eventIds) {
        this.operations = Objects.requireNonNull(operations, "operations");
        this.account = Objects.requireNonNull(account, "account");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.eventIds = Objects.requireNonNull(eventIds, "eventIds");
    }

    /** Whether this request would be answered from memory now (cache-first; see {@link OperationHandler}). */
    public <Q extends Record, R extends Record> boolean servedFromMemory(Operation<Q, R> operation, Caller caller,
                                                                         Q request) {
        return operations.handler(operation).servedFromMemory(caller, request);
    }

    /**
     * Performs the operation on the calling thread, records its event through {@code sink}, and completes with the
     * result, or with the operation's {@link KeywardenException}, once the sink has taken the event. Any other
     * exception is recorded and answered as {@code InternalFailure}; an event that cannot be written turns the answer
     * into {@code ServiceFailure}, never into an acknowledgement without an event.
     */
    public <Q extends Record, R extends Record> CompletableFuture<R> invoke(Operation<Q, R> operation, Caller caller,
                                                                          Q request, Call call, AuditSink sink) {
        Objects.requireNonNull(caller, "caller");
        if (operation.signIn()) {
            throw new IllegalArgumentException(operation + " is a sign-in: signIn");
        }
        OperationHandler<Q, R> handler = operations.handler(operation);
        return perform(() -> handler.handle(caller, request),
                (result, failure) -> event(operation, caller, request, result, failure, call), sink);
    }

    /**
     * Performs a sign-in operation ({@link Operation.Authentication#SIGN_IN}) for whoever attempts it, as
     * {@link #invoke} does an operation whose caller signs: the same recording, the same answers. Its event is
     * CloudTrail's sign-in event: the principal signed in and the key ID of its new session (nobody, and the key ID
     * the request claimed if any, when it failed), no request parameters, the response elements
     * {@code {"Name":"Success"}} or {@code {"Name":"Failure"}}, and for a {@link SignInRefused} the error message
     * {@value SignInRefused#EVENT_MESSAGE}, never its reason.
     */
    public <Q extends Record, R extends Record> CompletableFuture<R> signIn(Operation<Q, R> operation,
                                                                          SignInHandler.Requester requester,
                                                                          Q request, Call call, AuditSink sink) {
        Objects.requireNonNull(requester, "requester");
        SignInHandler<Q, R> handler = operations.signInHandler(operation);
        return perform(() -> handler.signIn(requester, request),
                (result, failure) -> signInEvent(operation, requester, (SignInResult) result, failure, call), sink);
    }

    private interface EventMaker<R> {
        AuditRecord make(R result, KeywardenException failure);
    }

    private <R extends Record> CompletableFuture<R> perform(Supplier<R> work, EventMaker<R> events, AuditSink sink) {
        R result;
        KeywardenException failure;
        try {
            result = work.get();
            failure = null;
        } catch (KeywardenException e) {
            result = null;
            failure = e;
        } catch (RuntimeException e) {
            result = null;
            failure = new KeywardenException(ErrorCode.INTERNAL_FAILURE, INTERNAL_ERROR, e);
        }
        AuditRecord event = events.make(result, failure);
        CompletableFuture<Void> recorded;
        try {
            recorded = sink.record(event);
        } catch (RuntimeException e) {
            recorded = CompletableFuture.failedFuture(e);
        }
        R answer = result;
        KeywardenException refusal = failure;
        return recorded.handle((ok, writeFailure) -> {
            if (writeFailure != null) {
                throw new KeywardenException(ErrorCode.SERVICE_FAILURE, NOT_RECORDED, writeFailure);
            }
            if (refusal != null) {
                throw refusal;
            }
            return answer;
        });
    }

    private AuditRecord signInEvent(Operation<?, ?> operation, SignInHandler.Requester requester, SignInResult result,
                                    KeywardenException failure, Call call) {
        String source = operation.service().eventSource();
        if (failure == null) {
            return new AuditRecord(eventIds.get(), clock.instant(), account.value(), source, operation.name(), false,
                    result.identityType(), result.arn(), result.userId(), result.userName(), result.accessKeyId(),
                    requester.sourceIp(), requester.userAgent(), null, outcome(operation, "Success"), null, null,
                    call.requestId(), call.successStatus());
        }
        String claimedKeyId = requester.signedBy() == null ? null : requester.signedBy().accessKeyId();
        return new AuditRecord(eventIds.get(), clock.instant(), account.value(), source, operation.name(), false,
                "Unknown", null, null, null, claimedKeyId, requester.sourceIp(), requester.userAgent(), null,
                outcome(operation, "Failure"), failure.errorCode().code(),
                failure instanceof SignInRefused ? SignInRefused.EVENT_MESSAGE : failure.getMessage(),
                call.requestId(), failure.httpStatus());
    }

    /** CloudTrail's response elements of a sign-in event: {@code {"ConsoleLogin":"Success"}}. */
    private static String outcome(Operation<?, ?> operation, String outcome) {
        return "{\"" + operation.name() + "\":\"" + outcome + "\"}";
    }

    private AuditRecord event(Operation<?, ?> operation, Caller caller, Record request, Record result,
                              KeywardenException failure, Call call) {
        Principal p = caller.principal();
        boolean recordResult = failure == null && !operation.readOnly();
        return new AuditRecord(eventIds.get(), clock.instant(), account.value(), operation.service().eventSource(),
                operation.name(), operation.readOnly(), p.identityType(), p.arn(), p.userId(),
                p.user().map(u -> u.userName().value()).orElse(null), caller.accessKeyId(), caller.sourceIp(),
                caller.userAgent(), EventJson.write(request), recordResult ? EventJson.write(result) : null,
                failure == null ? null : failure.errorCode().code(), failure == null ? null : failure.getMessage(),
                call.requestId(), failure == null ? call.successStatus() : failure.httpStatus(),
                AuditSession.of(caller.session()));
    }
}
