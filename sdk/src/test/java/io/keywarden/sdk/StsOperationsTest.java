package io.keywarden.sdk;

import io.keywarden.core.sigv4.SigningCredentials;
import io.keywarden.sdk.auth.StaticCredentialsProvider;
import io.keywarden.sdk.exception.AccessDeniedException;
import io.keywarden.sdk.exception.ExpiredTokenException;
import io.keywarden.sdk.exception.InvalidClientTokenIdException;
import io.keywarden.sdk.exception.KeywardenClientException;
import io.keywarden.sdk.exception.ValidationException;
import io.keywarden.sdk.model.AssumeRoleRequest;
import io.keywarden.sdk.model.AssumedRole;
import io.keywarden.sdk.model.SessionCredentials;
import io.keywarden.sdk.testing.SignatureCheck;
import io.keywarden.sdk.testing.StubServer;
import io.keywarden.sdk.testing.StubServer.Answer;
import io.keywarden.sdk.testing.StubServer.Recorded;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static io.keywarden.sdk.testing.Fixtures.CREDENTIALS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** GetSessionToken and AssumeRole: POSTs signed for {@code sts}, their answers read, secrets kept out of strings. */
class StsOperationsTest {
    private static final Instant NOW = Instant.parse("2026-12-01T10:15:30Z");
    static final String SECRET = "tempSecretKeyOfFortyCharactersXXXXXXXXXX";
    static final String TOKEN = "IQoJb3JpZ2luX2VjEXAMPLEsessionTOKEN+/=";
    private static final String ROLE_ARN = "arn:aws:iam::123456789012:role/ci/deployer";

    private StubServer stub;
    private KeywardenClient client;

    @BeforeEach
    void start() {
        stub = StubServer.start();
        client = KeywardenClient.builder().endpoint(stub.uri())
                .credentialsProvider(StaticCredentialsProvider.create(CREDENTIALS))
                .clock(Clock.fixed(NOW, ZoneOffset.UTC)).maxRetries(0).build();
    }

    @AfterEach
    void stop() {
        client.close();
        stub.close();
    }

    static String credentialsJson(String keyId, Instant expiration) {
        return "\"credentials\":{\"accessKeyId\":\"" + keyId + "\",\"secretAccessKey\":\"" + SECRET
                + "\",\"sessionToken\":\"" + TOKEN + "\",\"expiration\":\"" + expiration + "\"}";
    }

    static String assumedRoleJson(String keyId, Instant expiration, String sourceIdentity) {
        return "{" + credentialsJson(keyId, expiration) + ",\"assumedRoleUser\":{\"assumedRoleId\":"
                + "\"AROAQ2KWSD3J5ABCDEFGH:build-4711\",\"arn\":\"arn:aws:sts::123456789012:assumed-role/deployer/"
                + "build-4711\"},\"packedPolicySize\":6" + (sourceIdentity == null ? ""
                : ",\"sourceIdentity\":\"" + sourceIdentity + "\"") + "}";
    }

    private Recorded signedForSts() {
        Recorded request = stub.onlyRequest();
        assertThat(SignatureCheck.verify(request, CREDENTIALS).service()).isEqualTo("sts");
        return request;
    }

    @Test
    void getSessionTokenPostsAnEmptyObjectAndReadsTheCredentials() {
        Instant expiration = Instant.parse("2026-12-01T22:15:30Z");
        stub.enqueue(Answer.ok("{" + credentialsJson("ASIAQ2KWSD3J5TEMPKEY", expiration) + "}"));

        SessionCredentials credentials = client.getSessionToken();

        Recorded request = signedForSts();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.rawPath()).isEqualTo("/v1/sts/session-token");
        assertThat(request.bodyText()).isEqualTo("{}");
        assertThat(credentials).isEqualTo(new SessionCredentials("ASIAQ2KWSD3J5TEMPKEY", SECRET, TOKEN, expiration));
        assertThat(credentials.toSigningCredentials())
                .isEqualTo(SigningCredentials.of("ASIAQ2KWSD3J5TEMPKEY", SECRET, TOKEN));
        assertThat(credentials.toString()).contains("ASIAQ2KWSD3J5TEMPKEY", expiration.toString())
                .doesNotContain(SECRET).doesNotContain(TOKEN);
        assertThat(credentials.isExpiredAt(expiration.minusMillis(1))).isFalse();
        assertThat(credentials.isExpiredAt(expiration)).isTrue();
        assertThat(credentials.remaining(Clock.fixed(NOW, ZoneOffset.UTC))).isEqualTo(Duration.ofHours(12));
        assertThat(credentials.remaining(Clock.fixed(expiration.plusSeconds(1), ZoneOffset.UTC))).isZero();
    }

    @Test
    void getSessionTokenSendsTheDurationInSeconds() {
        stub.enqueue(Answer.ok("{" + credentialsJson("ASIAQ2KWSD3J5TEMPKEY", NOW.plusSeconds(7200)) + "}"));

        client.getSessionToken(Duration.ofHours(2));

        assertThat(signedForSts().bodyText()).isEqualTo("{\"durationSeconds\":7200}");
    }

    @Test
    void assumeRolePostsEveryParameterAndReadsTheSession() {
        Instant expiration = NOW.plusSeconds(1800);
        stub.enqueue(Answer.ok(assumedRoleJson("ASIAQ2KWSD3J5ROLEKEY", expiration, "alice")));

        AssumedRole assumed = client.assumeRole(AssumeRoleRequest.builder().roleArn(ROLE_ARN)
                .roleSessionName("build-4711").duration(Duration.ofMinutes(30)).externalId("ext-123")
                .policy("{\"Version\":\"2012-10-17\"}").policyArns("arn:aws:iam::123456789012:policy/A",
                        "arn:aws:iam::123456789012:policy/B").sourceIdentity("alice").build());

        Recorded request = signedForSts();
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.rawPath()).isEqualTo("/v1/sts/assume-role");
        assertThat(request.bodyText()).isEqualTo("{\"roleArn\":\"" + ROLE_ARN + "\",\"roleSessionName\":\"build-4711\","
                + "\"durationSeconds\":1800,\"externalId\":\"ext-123\",\"policy\":\"{\\\"Version\\\":\\\"2012-10-17\\\"}\","
                + "\"policyArns\":[\"arn:aws:iam::123456789012:policy/A\",\"arn:aws:iam::123456789012:policy/B\"],"
                + "\"sourceIdentity\":\"alice\"}");
        assertThat(assumed).isEqualTo(new AssumedRole(new SessionCredentials("ASIAQ2KWSD3J5ROLEKEY", SECRET, TOKEN,
                expiration), "AROAQ2KWSD3J5ABCDEFGH:build-4711",
                "arn:aws:sts::123456789012:assumed-role/deployer/build-4711", 6, "alice"));
        assertThat(assumed.sourceIdentityIfAny()).contains("alice");
        assertThat(assumed.toString()).doesNotContain(SECRET).doesNotContain(TOKEN);
    }

    @Test
    void assumeRoleWithArnAndSessionNameOnlySendsNothingElse() {
        stub.enqueue(Answer.ok(assumedRoleJson("ASIAQ2KWSD3J5ROLEKEY", NOW.plusSeconds(3600), null)));

        AssumedRole assumed = client.assumeRole(AssumeRoleRequest.builder().roleArn(ROLE_ARN)
                .roleSessionName("s1").build());

        assertThat(signedForSts().bodyText()).isEqualTo("{\"roleArn\":\"" + ROLE_ARN + "\",\"roleSessionName\":\"s1\"}");
        assertThat(assumed.sourceIdentity()).isNull();
    }

    @Test
    void stsErrorsAreTypedAndAssumeRoleIsNotResent() {
        stub.enqueue(Answer.error(403, "AccessDenied", "User: arn:aws:iam::123456789012:user/bob is not authorized"
                        + " to perform: sts:AssumeRole on resource: " + ROLE_ARN, "r1"),
                Answer.error(400, "ValidationError", "The requested DurationSeconds exceeds the MaxSessionDuration"
                        + " set for this role.", "r2"),
                Answer.error(403, "ExpiredToken", "The security token included in the request is expired", "r3"),
                Answer.error(403, "InvalidClientTokenId", "The security token included in the request is invalid.", "r4"));
        AssumeRoleRequest request = AssumeRoleRequest.builder().roleArn(ROLE_ARN).roleSessionName("s").build();

        assertThatThrownBy(() -> client.assumeRole(request)).isInstanceOf(AccessDeniedException.class)
                .hasMessageContaining("sts:AssumeRole");
        assertThatThrownBy(() -> client.assumeRole(request)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> client.getSessionToken()).isInstanceOf(ExpiredTokenException.class);
        assertThatThrownBy(() -> client.getSessionToken()).isInstanceOf(InvalidClientTokenIdException.class);
        assertThat(stub.requests()).hasSize(4);
    }

    @Test
    void aMalformedAnswerIsReportedWithoutTheSecret() {
        stub.enqueue(Answer.ok("{\"credentials\":{\"accessKeyId\":\"ASIA\",\"secretAccessKey\":\"" + SECRET
                + "\",\"sessionToken\":\"" + TOKEN + "\"}}"), Answer.ok("{\"credentials\":{\"secretAccessKey\":\""
                + SECRET + "\" broken"));

        assertThatThrownBy(() -> client.getSessionToken()).isInstanceOf(KeywardenClientException.class)
                .hasMessageContaining("credentials.expiration").hasMessageNotContaining(SECRET);
        assertThatThrownBy(() -> client.getSessionToken()).isInstanceOf(KeywardenClientException.class)
                .hasMessageNotContaining(SECRET).hasNoCause();
    }

    @Test
    void requestsSignedWithSessionCredentialsCarryTheTokenInTheSignature() {
        SessionCredentials session = new SessionCredentials("ASIAQ2KWSD3J5TEMPKEY", SECRET, TOKEN,
                NOW.plusSeconds(3600));
        stub.enqueue(Answer.ok("{\"account\":\"123456789012\",\"userId\":\"AIDA\",\"arn\":\"a\"}"));
        try (KeywardenClient asSession = client.withCredentialsProvider(
                StaticCredentialsProvider.create(session.toSigningCredentials()))) {
            asSession.callerIdentity();
        }
        Recorded request = stub.onlyRequest();
        assertThat(request.header("X-Amz-Security-Token")).contains(TOKEN);
        SignatureCheck.Verified verified = SignatureCheck.verify(request, session.toSigningCredentials());
        assertThat(verified.accessKeyId()).isEqualTo("ASIAQ2KWSD3J5TEMPKEY");
        assertThat(verified.signedHeaders()).contains("x-amz-security-token");
        assertThatThrownBy(() -> SignatureCheck.verify(request, SigningCredentials.of("ASIAQ2KWSD3J5TEMPKEY", SECRET,
                "another-token"))).isInstanceOf(AssertionError.class);
    }

    @Test
    void argumentsAreCheckedBeforeAnythingIsSent() {
        assertThatThrownBy(() -> client.getSessionToken(Duration.ofMillis(900_500)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.getSessionToken(Duration.ofSeconds(-900)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AssumeRoleRequest.builder().roleArn(ROLE_ARN).build())
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> AssumeRoleRequest.builder().roleArn(ROLE_ARN).roleSessionName("s").externalId("")
                .build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AssumeRoleRequest.builder().roleArn(ROLE_ARN).roleSessionName("s")
                .policyArns("").build()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.assumeRole(null)).isInstanceOf(NullPointerException.class);
        assertThat(stub.requests()).isEmpty();
        AssumeRoleRequest request = AssumeRoleRequest.builder().roleArn(ROLE_ARN).roleSessionName("s")
                .externalId("secret-ish").policy("{}").build();
        assertThat(request.toString()).doesNotContain("secret-ish").contains(ROLE_ARN);
        assertThat(request.toBuilder().build()).isEqualTo(request);
    }
}
