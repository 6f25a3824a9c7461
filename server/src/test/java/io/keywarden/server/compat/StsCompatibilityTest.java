package io.keywarden.server.compat;

import io.keywarden.server.support.SlowTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.w3c.dom.Document;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkGlobalTime;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.sts.model.Credentials;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;
import software.amazon.awssdk.services.sts.model.StsException;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** GetCallerIdentity, GetAccessKeyInfo and the authentication answers through the real AWS SDK for Java v2. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SlowTest
class StsCompatibilityTest extends AwsSdkTestSupport {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private IamClient iam;
    private String account;
    private AccessKey userKey;

    @BeforeAll
    void setUp() {
        iam = rootIam();
        account = rootSts().getCallerIdentity().account();
        iam.createUser(b -> b.userName("sts-user").path("/apps/"));
        userKey = iam.createAccessKey(b -> b.userName("sts-user")).accessKey();
    }

    @Test
    void callerIdentityOfRoot() {
        GetCallerIdentityResponse id = rootSts().getCallerIdentity();
        assertThat(id.account()).matches("\\d{12}");
        assertThat(id.userId()).isEqualTo(id.account());
        assertThat(id.arn()).isEqualTo("arn:aws:iam::" + id.account() + ":root");
        assertThat(id.responseMetadata().requestId()).isNotBlank();
    }

    @Test
    void callerIdentityOfAUserNeedsNoPermission() {
        GetCallerIdentityResponse id = sts(userKey).getCallerIdentity();
        assertThat(id.account()).isEqualTo(account);
        assertThat(id.userId()).startsWith("AIDA");
        assertThat(id.arn()).isEqualTo("arn:aws:iam::" + account + ":user/apps/sts-user");
    }

    @Test
    void clientsConfiguredForTheGlobalRegionWork() throws Exception {
        iam.createUser(b -> b.userName("sts-global"));
        AccessKey key = iam.createAccessKey(b -> b.userName("sts-global")).accessKey();
        StsClient global = sts(key.accessKeyId(), key.secretAccessKey(), Region.AWS_GLOBAL);
        assertThat(global.getCallerIdentity().arn()).endsWith(":user/sts-global");
        IamClient globalIam = iam(ROOT_ACCESS_KEY_ID, ROOT_SECRET, Region.AWS_GLOBAL);
        assertThat(globalIam.getUser(b -> b.userName("sts-global")).user().userName()).isEqualTo("sts-global");

        var used = await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                .until(() -> iam.getAccessKeyLastUsed(b -> b.accessKeyId(key.accessKeyId())).accessKeyLastUsed(),
                        u -> u.lastUsedDate() != null);
        assertThat(used.region()).isEqualTo("aws-global");
        assertThat(used.serviceName()).isEqualTo("sts");
    }

    /** GetSessionToken through the SDK, then its credentials ({@code AwsSessionCredentials}) for GetCallerIdentity. */
    @Test
    void sessionTokenCredentialsWorkInTheSdk() {
        Credentials creds = sts(userKey).getSessionToken(b -> b.durationSeconds(3600)).credentials();
        assertThat(creds.accessKeyId()).matches("ASIA[A-Z2-7]{16}");
        assertThat(creds.secretAccessKey()).hasSize(40);
        assertThat(creds.sessionToken()).isNotBlank();
        assertThat(creds.expiration()).isBetween(Instant.now().plusSeconds(3500), Instant.now().plusSeconds(3700));

        StsClient session = track(StsClient.builder().endpointOverride(baseUri()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsSessionCredentials.create(
                        creds.accessKeyId(), creds.secretAccessKey(), creds.sessionToken())))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())).build());
        GetCallerIdentityResponse id = session.getCallerIdentity();
        assertThat(id.arn()).isEqualTo("arn:aws:iam::" + account + ":user/apps/sts-user");
        assertThat(id.account()).isEqualTo(account);
        assertThat(rootSts().getAccessKeyInfo(b -> b.accessKeyId(creds.accessKeyId())).account()).isEqualTo(account);

        assertThatThrownBy(session::getSessionToken).isInstanceOfSatisfying(StsException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(403);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
            assertThat(e.awsErrorDetails().errorMessage())
                    .isEqualTo("Cannot call GetSessionToken with session credentials");
        });
        IamClient sessionIam = track(IamClient.builder().endpointOverride(baseUri()).region(Region.AWS_GLOBAL)
                .credentialsProvider(StaticCredentialsProvider.create(AwsSessionCredentials.create(
                        creds.accessKeyId(), creds.secretAccessKey(), creds.sessionToken())))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())).build());
        assertThatThrownBy(sessionIam::listUsers).isInstanceOfSatisfying(IamException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(403);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
        });

        StsClient forged = track(StsClient.builder().endpointOverride(baseUri()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsSessionCredentials.create(
                        creds.accessKeyId(), creds.secretAccessKey(), creds.sessionToken().substring(8))))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())).build());
        assertThatThrownBy(forged::getCallerIdentity).isInstanceOfSatisfying(StsException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(403);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId");
        });
    }

    @Test
    void sessionTokenDurationsAreValidatedAsAwsDoes() {
        assertThatThrownBy(() -> sts(userKey).getSessionToken(b -> b.durationSeconds(600)))
                .isInstanceOfSatisfying(StsException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
                });
        assertThat(rootSts().getSessionToken(b -> b.durationSeconds(7200)).credentials().expiration())
                .isBefore(Instant.now().plusSeconds(3700));
    }

    @Test
    void accessKeyInfoAnswersTheAccountOfAnyWellFormedKeyId() {
        assertThat(rootSts().getAccessKeyInfo(b -> b.accessKeyId(userKey.accessKeyId())).account()).isEqualTo(account);
        // keys of other accounts and keys that do not exist: decoded from the ID alone (AWS-FACTS §4)
        assertThat(rootSts().getAccessKeyInfo(b -> b.accessKeyId("AKIARZPUZDIKGB2VALC4")).account())
                .isEqualTo("123456789012");
        assertThat(rootSts().getAccessKeyInfo(b -> b.accessKeyId("ASIAY34FZKBOKMUTVV7A")).account())
                .isEqualTo("609629065308");
    }

    @Test
    void accessKeyInfoOfAMalformedIdIsAValidationError() {
        assertThatThrownBy(() -> rootSts().getAccessKeyInfo(b -> b.accessKeyId("not-a-key")))
                .isInstanceOfSatisfying(StsException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
                });
    }

    @Test
    void anUnsignedRequestIsMissingAuthenticationToken() {
        StsClient anonymous = track(StsClient.builder().endpointOverride(baseUri()).region(Region.US_EAST_1)
                .credentialsProvider(AnonymousCredentialsProvider.create())
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())).build());
        assertThatThrownBy(anonymous::getCallerIdentity).isInstanceOfSatisfying(StsException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(403);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("MissingAuthenticationToken");
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Request is missing Authentication Token");
            assertThat(e.awsErrorDetails().sdkHttpResponse().firstMatchingHeader("Date")).isPresent();
        });
    }

    @Test
    void unknownKeyIsInvalidClientTokenIdAndWrongSecretSignatureDoesNotMatch() {
        assertThatThrownBy(() -> sts("AKIAQYLPMN5HQQQQQQQQ", ROOT_SECRET).getCallerIdentity())
                .isInstanceOfSatisfying(StsException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(403);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId");
                });
        assertThatThrownBy(() -> sts(userKey.accessKeyId(), ROOT_SECRET).getCallerIdentity())
                .isInstanceOfSatisfying(StsException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(403);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("SignatureDoesNotMatch");
                    assertThat(e.awsErrorDetails().sdkHttpResponse().firstMatchingHeader("Date")).isPresent();
                });
    }

    /**
     * A client whose clock is 30 minutes behind is told "Signature expired" (SignatureDoesNotMatch, as IAM and STS
     * answer); the SDK reads the answer's {@code Date}, corrects its clock and succeeds on its retry.
     */
    @Test
    void theSdkCorrectsItsClockFromTheDateOfASkewError() {
        int saved = SdkGlobalTime.getGlobalTimeOffset();
        try {
            SdkGlobalTime.setGlobalTimeOffset(1800);
            assertThatThrownBy(() -> sts(userKey).getCallerIdentity())
                    .isInstanceOfSatisfying(StsException.class, e -> {
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("SignatureDoesNotMatch");
                        assertThat(e.awsErrorDetails().errorMessage()).startsWith("Signature expired: ");
                    });

            SdkGlobalTime.setGlobalTimeOffset(1800);
            StsClient retrying = track(StsClient.builder().endpointOverride(baseUri()).region(Region.US_EAST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(
                            AwsBasicCredentials.create(userKey.accessKeyId(), userKey.secretAccessKey())))
                    .httpClientBuilder(UrlConnectionHttpClient.builder()).build());
            assertThat(retrying.getCallerIdentity().arn()).endsWith(":user/apps/sts-user");
            assertThat(Math.abs(SdkGlobalTime.getGlobalTimeOffset())).isLessThan(60);
        } finally {
            SdkGlobalTime.setGlobalTimeOffset(saved);
        }
    }

    /** A presigned GetCallerIdentity URL (the SDK's own signer, query form) fetched by a plain HTTP client. */
    @Test
    void presignedGetCallerIdentityUrlAuthenticates() throws Exception {
        URI url = presign(userKey.accessKeyId(), userKey.secretAccessKey(), Clock.systemUTC(), Duration.ofMinutes(5));
        assertThat(url.getRawQuery()).contains("X-Amz-Signature=", "X-Amz-Credential=");

        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(url).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("text/xml");
        assertThat(answer.headers().firstValue("x-amzn-RequestId")).isPresent();
        Document xml = parse(answer.body());
        assertThat(xml.getDocumentElement().getLocalName()).isEqualTo("GetCallerIdentityResponse");
        assertThat(xml.getDocumentElement().getNamespaceURI()).isEqualTo("https://sts.amazonaws.com/doc/2011-06-15/");
        assertThat(text(xml, "Arn")).isEqualTo("arn:aws:iam::" + account + ":user/apps/sts-user");
        assertThat(text(xml, "Account")).isEqualTo(account);
    }

    @Test
    void anExpiredPresignedUrlIsRefusedWithAnXmlError() throws Exception {
        Clock past = Clock.fixed(Instant.now().minus(Duration.ofMinutes(10)), ZoneOffset.UTC);
        URI url = presign(userKey.accessKeyId(), userKey.secretAccessKey(), past, Duration.ofSeconds(60));

        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(url).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("text/xml");
        Document xml = parse(answer.body());
        assertThat(xml.getDocumentElement().getLocalName()).isEqualTo("ErrorResponse");
        assertThat(xml.getDocumentElement().getNamespaceURI()).isEqualTo("https://sts.amazonaws.com/doc/2011-06-15/");
        assertThat(text(xml, "Type")).isEqualTo("Sender");
        assertThat(text(xml, "Code")).isEqualTo("SignatureDoesNotMatch");
        assertThat(text(xml, "Message")).startsWith("Signature expired: ");
        assertThat(text(xml, "RequestId")).isEqualTo(answer.headers().firstValue("x-amzn-RequestId").orElseThrow());
    }

    private URI presign(String accessKeyId, String secret, Clock clock, Duration expires) {
        SdkHttpRequest request = SdkHttpRequest.builder()
                .method(SdkHttpMethod.GET)
                .uri(baseUri())
                .putRawQueryParameter("Action", "GetCallerIdentity")
                .putRawQueryParameter("Version", "2011-06-15")
                .build();
        return AwsV4HttpSigner.create().sign(r -> r
                        .identity(AwsBasicCredentials.create(accessKeyId, secret))
                        .request(request)
                        .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "sts")
                        .putProperty(AwsV4HttpSigner.AUTH_LOCATION, AwsV4FamilyHttpSigner.AuthLocation.QUERY_STRING)
                        .putProperty(AwsV4HttpSigner.EXPIRATION_DURATION, expires)
                        .putProperty(HttpSigner.SIGNING_CLOCK, clock))
                .request().getUri();
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static String text(Document xml, String element) {
        return xml.getElementsByTagNameNS("*", element).item(0).getTextContent();
    }
}
