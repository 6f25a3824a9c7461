package io.keywarden.core.operation;

import io.keywarden.core.audit.AuditRecord;
import io.keywarden.core.auth.Caller;
import io.keywarden.core.error.ErrorCode;
import io.keywarden.core.error.KeywardenException;
import io.keywarden.core.identity.AccountId;
import io.keywarden.core.identity.Principal;
import io.keywarden.core.keys.SecretAccessKey;
import io.keywarden.core.operation.Operation.NoOutput;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OperationInvokerTest {
    private static final AccountId ACCOUNT = AccountId.of("123456789012");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-04T12:00:00Z"), ZoneOffset.UTC);
    private static final SecretAccessKey SECRET = SecretAccessKey.of("wJalrXUtnFEMI/K7MDENG+bPxRfiCYzEXAMPLEKEY");
    private final Caller root = new Caller(Principal.root(ACCOUNT), "AKIAEXAMPLEEXAMPLE00", CLOCK.instant(),
            "192.0.2.1", "test-agent", false, "us-east-1", "iam");
    private final List<AuditRecord> events = new ArrayList<>();
    private final AtomicInteger ids = new AtomicInteger();

    @SuppressWarnings({"unchecked", "rawtypes"})
    private OperationInvoker invoker(RuntimeException deleteUserFailure) {
        Operations.Builder b = Operations.builder();
        for (Operation<?, ?> op : Catalogue.all()) {
            if (op != Catalogue.CREATE_ACCESS_KEY && op != Catalogue.DELETE_USER && op != Catalogue.GET_USER) {
                b.bind((Operation) op, (OperationHandler) (c, q) -> {
                    throw new UnsupportedOperationException();
                });
            }
        }
        b.bind(Catalogue.CREATE_ACCESS_KEY, (c, q) -> new Results.CreatedKey(new Results.NewKeyEntry(q.userName(),
                "AKIAEXAMPLE", "Active", SECRET, CLOCK.instant())));
        b.bind(Catalogue.DELETE_USER, (c, q) -> {
            if (deleteUserFailure != null) {
                throw deleteUserFailure;
            }
            return NoOutput.INSTANCE;
        });
        b.bind(Catalogue.GET_USER, (c, q) -> new Results.UserResult(new Results.UserEntry("/", q.userName(), "AIDA",
                "arn", CLOCK.instant(), 3L)));
        return new OperationInvoker(b.build(), ACCOUNT, CLOCK, () -> "event-" + ids.incrementAndGet());
    }

    private CompletableFuture<Void> sink(AuditRecord event) {
        events.add(event);
        return CompletableFuture.completedFuture(null);
    }

    @Test
    void aChangeIsRecordedWithItsTypedParametersAndResultAndNoSecret() {
        Results.CreatedKey created = invoker(null).invoke(Catalogue.CREATE_ACCESS_KEY, root,
                new Requests.CreateAccessKey("alice"), new OperationInvoker.Call("req-1", 201), this::sink).join();
        assertThat(created.accessKey().secretAccessKey()).isSameAs(SECRET);
        AuditRecord e = events.get(0);
        assertThat(e.eventName()).isEqualTo("CreateAccessKey");
        assertThat(e.eventSource()).isEqualTo("iam.amazonaws.com");
        assertThat(e.readOnly()).isFalse();
        assertThat(e.principalType()).isEqualTo("Root");
        assertThat(e.accessKeyId()).isEqualTo("AKIAEXAMPLEEXAMPLE00");
        assertThat(e.sourceIp()).isEqualTo("192.0.2.1");
        assertThat(e.requestParameters()).isEqualTo("{\"userName\":\"alice\"}");
        assertThat(e.responseElements()).contains("\"accessKeyId\":\"AKIAEXAMPLE\"")
                .contains("HIDDEN_DUE_TO_SECURITY_REASONS").doesNotContain("wJalrXUtnFEMI");
        assertThat(e.httpStatus()).isEqualTo(201);
        assertThat(e.requestId()).isEqualTo("req-1");
        assertThat(e.eventId()).isEqualTo("event-1");
        assertThat(e.succeeded()).isTrue();
    }

    @Test
    void aReadIsRecordedWithoutItsResult() {
        invoker(null).invoke(Catalogue.GET_USER, root, new Requests.GetUser("bob"), new OperationInvoker.Call("r", 200),
                this::sink).join();
        assertThat(events.get(0).readOnly()).isTrue();
        assertThat(events.get(0).responseElements()).isNull();
        assertThat(events.get(0).requestParameters()).isEqualTo("{\"userName\":\"bob\"}");
    }

    @Test
    void aRefusalIsRecordedWithItsCodeAndAnsweredWithTheSameError() {
        KeywardenException denied = KeywardenException.of(ErrorCode.DELETE_CONFLICT, "must delete access keys first");
        CompletableFuture<NoOutput> answer = invoker(denied).invoke(Catalogue.DELETE_USER, root,
                new Requests.DeleteUser("bob"), new OperationInvoker.Call("r", 204), this::sink);
        assertThatThrownBy(answer::join).isInstanceOf(CompletionException.class).hasCause(denied);
        AuditRecord e = events.get(0);
        assertThat(e.errorCode()).isEqualTo("DeleteConflict");
        assertThat(e.errorMessage()).isEqualTo("must delete access keys first");
        assertThat(e.httpStatus()).isEqualTo(409);
        assertThat(e.responseElements()).isNull();
    }

    @Test
    void anUnexpectedFailureIsRecordedAndAnsweredAsInternalFailureWithoutItsDetail() {
        CompletableFuture<NoOutput> answer = invoker(new IllegalStateException("secret detail")).invoke(
                Catalogue.DELETE_USER, root, new Requests.DeleteUser("bob"), new OperationInvoker.Call("r", 204),
                this::sink);
        assertThatThrownBy(answer::join).cause().isInstanceOfSatisfying(KeywardenException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(ErrorCode.INTERNAL_FAILURE);
            assertThat(e.getMessage()).doesNotContain("secret detail");
        });
        assertThat(events.get(0).errorCode()).isEqualTo("InternalFailure");
        assertThat(events.get(0).errorMessage()).doesNotContain("secret detail");
    }

    @Test
    void aChangeWhoseEventCannotBeWrittenIsNotAcknowledged() {
        CompletableFuture<NoOutput> answer = invoker(null).invoke(Catalogue.DELETE_USER, root,
                new Requests.DeleteUser("bob"), new OperationInvoker.Call("r", 204),
                e -> CompletableFuture.failedFuture(new IllegalStateException("disk full")));
        assertThatThrownBy(answer::join).cause().isInstanceOfSatisfying(KeywardenException.class,
                e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.SERVICE_FAILURE));
    }

    @Test
    void theAnswerWaitsForTheEvent() {
        CompletableFuture<Void> commit = new CompletableFuture<>();
        CompletableFuture<NoOutput> answer = invoker(null).invoke(Catalogue.DELETE_USER, root,
                new Requests.DeleteUser("bob"), new OperationInvoker.Call("r", 204), e -> commit);
        assertThat(answer).isNotDone();
        commit.complete(null);
        assertThat(answer).isCompleted();
    }

    @Test
    void buildingFailsWhenAnOperationHasNoHandler() {
        assertThatThrownBy(() -> Operations.builder().build()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("CreateUser");
    }
}
