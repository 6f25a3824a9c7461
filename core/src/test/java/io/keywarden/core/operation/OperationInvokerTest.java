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
            if (op.signIn()) {
                continue;
            }
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
        b.bindSignIn(Catalogue.CONSOLE_LOGIN, (requester, q) -> signIn.apply(requester, q));
        return new OperationInvoker(b.build(), ACCOUNT, CLOCK, () -> "event-" + ids.incrementAndGet());
    }

    /** What the stand-in ConsoleLogin does. */
    private java.util.function.BiFunction<SignInHandler.Requester, Requests.ConsoleLogin, Results.ConsoleSession> signIn =
            (requester, q) -> {
                throw io.keywarden.core.error.SignInRefused.failed("stand-in: wrong password for " + q.userName());
            };

    private static final String PASSWORD = "correct horse battery staple";

    private static Requests.ConsoleLogin login(String user) {
        return new Requests.ConsoleLogin("123456789012", user,
                io.keywarden.core.password.Password.given(PASSWORD.toCharArray()));
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

    @Test
    void aSignInIsRecordedAsCloudTrailsConsoleLoginNamingWhomItSignedInAndNothingOfTheRequest() {
        signIn = (requester, q) -> new Results.ConsoleSession(new Results.SessionCredentials("ASIAEXAMPLEEXAMPLE01",
                SECRET, io.keywarden.core.session.SessionToken.of("token"), CLOCK.instant().plusSeconds(3600)),
                new Results.ConsolePrincipal("arn:aws:iam::123456789012:user/alice", "123456789012", "alice",
                        "IAMUser", "AIDAALICE"), false);
        Results.ConsoleSession session = invoker(null).signIn(Catalogue.CONSOLE_LOGIN,
                SignInHandler.Requester.unsigned("198.51.100.7", "browser"), login("alice"),
                new OperationInvoker.Call("r-1", 200), this::sink).join();
        assertThat(session.accessKeyId()).isEqualTo("ASIAEXAMPLEEXAMPLE01");
        AuditRecord e = events.get(0);
        assertThat(e.eventSource()).isEqualTo("signin.amazonaws.com");
        assertThat(e.eventName()).isEqualTo("ConsoleLogin");
        assertThat(e.readOnly()).isFalse();
        assertThat(e.principalType()).isEqualTo("IAMUser");
        assertThat(e.principalArn()).isEqualTo("arn:aws:iam::123456789012:user/alice");
        assertThat(e.principalId()).isEqualTo("AIDAALICE");
        assertThat(e.userName()).isEqualTo("alice");
        assertThat(e.accessKeyId()).isEqualTo("ASIAEXAMPLEEXAMPLE01");
        assertThat(e.sourceIp()).isEqualTo("198.51.100.7");
        assertThat(e.userAgent()).isEqualTo("browser");
        assertThat(e.requestParameters()).isNull();
        assertThat(e.responseElements()).isEqualTo("{\"ConsoleLogin\":\"Success\"}");
        assertThat(e.httpStatus()).isEqualTo(200);
        assertThat(e.requestId()).isEqualTo("r-1");
        assertThat(e.toString()).doesNotContain(PASSWORD).doesNotContain("wJalrXUtnFEMI").doesNotContain("token");
    }

    @Test
    void aRefusedSignInIsRecordedAsFailedAuthenticationOfNobodyWithTheClaimedKeyButNeverTheReason() {
        CompletableFuture<Results.ConsoleSession> answer = invoker(null).signIn(Catalogue.CONSOLE_LOGIN,
                SignInHandler.Requester.signed(root), login("alice"), new OperationInvoker.Call("r", 200), this::sink);
        assertThatThrownBy(answer::join).cause().isInstanceOfSatisfying(io.keywarden.core.error.SignInRefused.class,
                r -> {
                    assertThat(r.getMessage()).isEqualTo(io.keywarden.core.signin.ConsoleSignIn.GENERIC_FAILURE);
                    assertThat(r.reason()).contains("stand-in");
                });
        AuditRecord e = events.get(0);
        assertThat(e.eventName()).isEqualTo("ConsoleLogin");
        assertThat(e.principalType()).isEqualTo("Unknown");
        assertThat(e.principalArn()).isNull();
        assertThat(e.accessKeyId()).as("the key the request claimed").isEqualTo("AKIAEXAMPLEEXAMPLE00");
        assertThat(e.responseElements()).isEqualTo("{\"ConsoleLogin\":\"Failure\"}");
        assertThat(e.errorCode()).isEqualTo("AccessDenied");
        assertThat(e.errorMessage()).isEqualTo("Failed authentication");
        assertThat(e.httpStatus()).isEqualTo(403);
        assertThat(e.requestParameters()).isNull();
        assertThat(e.toString()).doesNotContain("stand-in").doesNotContain(PASSWORD);
    }

    @Test
    void aThrottledSignInIsRecordedWith429() {
        signIn = (requester, q) -> {
            throw io.keywarden.core.error.SignInRefused.throttled(java.time.Duration.ofSeconds(30), "too many");
        };
        CompletableFuture<Results.ConsoleSession> answer = invoker(null).signIn(Catalogue.CONSOLE_LOGIN,
                SignInHandler.Requester.unsigned("198.51.100.7", ""), login("alice"),
                new OperationInvoker.Call("r", 200), this::sink);
        assertThatThrownBy(answer::join).cause().isInstanceOfSatisfying(io.keywarden.core.error.SignInRefused.class,
                r -> assertThat(r.retryAfter()).contains(java.time.Duration.ofSeconds(30)));
        AuditRecord e = events.get(0);
        assertThat(e.errorCode()).isEqualTo("Throttling");
        assertThat(e.httpStatus()).isEqualTo(429);
        assertThat(e.errorMessage()).isEqualTo("Failed authentication");
        assertThat(e.accessKeyId()).isNull();
    }

    @Test
    void aSignInIsPerformedOnlyAsOneAndBoundOnlyAsOne() {
        OperationInvoker invoker = invoker(null);
        assertThatThrownBy(() -> invoker.invoke(Catalogue.CONSOLE_LOGIN, root, login("alice"),
                new OperationInvoker.Call("r", 200), this::sink)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> invoker.signIn(Catalogue.DELETE_USER, SignInHandler.Requester.signed(root),
                new Requests.DeleteUser("bob"), new OperationInvoker.Call("r", 200), this::sink))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Operations.builder().bind(Catalogue.CONSOLE_LOGIN, (c, q) -> null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Operations.builder().bindSignIn(Catalogue.DELETE_USER, (c, q) -> null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(events).isEmpty();
    }
}
