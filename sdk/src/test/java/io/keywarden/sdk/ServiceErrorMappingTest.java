package io.keywarden.sdk;

import io.keywarden.core.error.ErrorCode;
import io.keywarden.sdk.auth.StaticCredentialsProvider;
import io.keywarden.sdk.exception.AccessDeniedException;
import io.keywarden.sdk.exception.DeleteConflictException;
import io.keywarden.sdk.exception.EntityAlreadyExistsException;
import io.keywarden.sdk.exception.ExpiredTokenException;
import io.keywarden.sdk.exception.InvalidClientTokenIdException;
import io.keywarden.sdk.exception.KeywardenServiceException;
import io.keywarden.sdk.exception.LimitExceededException;
import io.keywarden.sdk.exception.MalformedPolicyDocumentException;
import io.keywarden.sdk.exception.NoSuchEntityException;
import io.keywarden.sdk.exception.SignatureDoesNotMatchException;
import io.keywarden.sdk.exception.ThrottlingException;
import io.keywarden.sdk.exception.ValidationException;
import io.keywarden.sdk.testing.Fixtures;
import io.keywarden.sdk.testing.StubServer;
import io.keywarden.sdk.testing.StubServer.Answer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ServiceErrorMappingTest {
    private StubServer stub;
    private KeywardenClient client;

    @BeforeEach
    void start() {
        stub = StubServer.start();
        client = KeywardenClient.builder().endpoint(stub.uri()).region("us-east-1")
                .credentialsProvider(StaticCredentialsProvider.create(Fixtures.CREDENTIALS)).maxRetries(0).build();
    }

    @AfterEach
    void stop() {
        client.close();
        stub.close();
    }

    static Stream<Arguments> typedCodes() {
        return Stream.of(
                Arguments.of(ErrorCode.NO_SUCH_ENTITY, NoSuchEntityException.class),
                Arguments.of(ErrorCode.ENTITY_ALREADY_EXISTS, EntityAlreadyExistsException.class),
                Arguments.of(ErrorCode.LIMIT_EXCEEDED, LimitExceededException.class),
                Arguments.of(ErrorCode.DELETE_CONFLICT, DeleteConflictException.class),
                Arguments.of(ErrorCode.ACCESS_DENIED, AccessDeniedException.class),
                Arguments.of(ErrorCode.INVALID_CLIENT_TOKEN_ID, InvalidClientTokenIdException.class),
                Arguments.of(ErrorCode.SIGNATURE_DOES_NOT_MATCH, SignatureDoesNotMatchException.class),
                Arguments.of(ErrorCode.VALIDATION_ERROR, ValidationException.class),
                Arguments.of(ErrorCode.INVALID_INPUT, ValidationException.class),
                Arguments.of(ErrorCode.INVALID_PARAMETER_VALUE, ValidationException.class),
                Arguments.of(ErrorCode.MISSING_PARAMETER, ValidationException.class),
                Arguments.of(ErrorCode.MALFORMED_POLICY_DOCUMENT, MalformedPolicyDocumentException.class),
                Arguments.of(ErrorCode.THROTTLING, ThrottlingException.class),
                Arguments.of(ErrorCode.EXPIRED_TOKEN, ExpiredTokenException.class),
                Arguments.of(ErrorCode.REPORT_NOT_PRESENT, io.keywarden.sdk.exception.ReportNotPresentException.class),
                Arguments.of(ErrorCode.CONCURRENT_MODIFICATION, KeywardenServiceException.class),
                Arguments.of(ErrorCode.MISSING_AUTHENTICATION_TOKEN, KeywardenServiceException.class));
    }

    @ParameterizedTest(name = "{0} becomes {1}")
    @MethodSource("typedCodes")
    void errorCodesMapToTheirTypedException(ErrorCode code, Class<? extends KeywardenServiceException> type) {
        stub.enqueue(Answer.error(code.httpStatus(), code.code(), "something about alice", "req-" + code.code()));

        KeywardenServiceException e = catchThrowableOfType(KeywardenServiceException.class, () -> client.getUser("alice"));

        assertThat(e).isExactlyInstanceOf(type);
        assertThat(e.code()).isEqualTo(code.code());
        assertThat(e.errorCode()).contains(code);
        assertThat(e.statusCode()).isEqualTo(code.httpStatus());
        assertThat(e.requestId()).contains("req-" + code.code());
        assertThat(e.errorMessage()).isEqualTo("something about alice");
    }

    @Test
    void theMessageCarriesCodeStatusAndRequestId() {
        stub.enqueue(Answer.error(404, "NoSuchEntity", "The user with name bob cannot be found.", "4f1e-77"));

        NoSuchEntityException e = catchThrowableOfType(NoSuchEntityException.class, () -> client.getUser("bob"));

        assertThat(e.getMessage()).isEqualTo(
                "The user with name bob cannot be found. (code: NoSuchEntity, status: 404, request id: 4f1e-77)");
    }

    @Test
    void theCodeDecidesNotTheMessage() {
        stub.enqueue(Answer.error(409, "LimitExceeded", "The user with name bob cannot be found.", "r1"));

        assertThat(catchThrowableOfType(KeywardenServiceException.class, () -> client.createAccessKey("bob")))
                .isExactlyInstanceOf(LimitExceededException.class);
    }

    @Test
    void anUnknownCodeGivesTheBaseExceptionWithTheRawCode() {
        stub.enqueue(Answer.error(418, "Teapot", "short and stout", "r2"));

        KeywardenServiceException e = catchThrowableOfType(KeywardenServiceException.class, () -> client.getUser("a"));

        assertThat(e).isExactlyInstanceOf(KeywardenServiceException.class);
        assertThat(e.code()).isEqualTo("Teapot");
        assertThat(e.errorCode()).isEmpty();
        assertThat(e.statusCode()).isEqualTo(418);
    }

    @Test
    void anErrorPageWithoutJsonKeepsTheStatusAndTheHeaderRequestId() {
        stub.enqueue(new Answer(502, Map.of("Content-Type", "text/html", "x-amzn-RequestId", "proxy-9"),
                "<html>Bad Gateway</html>", java.time.Duration.ZERO));

        KeywardenServiceException e = catchThrowableOfType(KeywardenServiceException.class, () -> client.getUser("a"));

        assertThat(e).isExactlyInstanceOf(KeywardenServiceException.class);
        assertThat(e.code()).isEqualTo(KeywardenServiceException.UNKNOWN_CODE);
        assertThat(e.statusCode()).isEqualTo(502);
        assertThat(e.requestId()).contains("proxy-9");
        assertThat(e.isServerError()).isTrue();
        assertThat(e.getMessage()).doesNotContain("<html>");
    }

    @Test
    void theRequestIdHeaderIsUsedWhenTheBodyHasNone() {
        stub.enqueue(Answer.json(403, "{\"code\":\"AccessDenied\",\"message\":\"no\"}").withHeader("x-amzn-RequestId", "hdr-1"));

        AccessDeniedException e = catchThrowableOfType(AccessDeniedException.class, () -> client.getUser("a"));

        assertThat(e.requestId()).contains("hdr-1");
    }
}
