package io.keywarden.server.compat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keywarden.core.audit.AuditRecord;
import io.keywarden.core.identity.Account;
import io.keywarden.server.audit.AuditWriter;
import io.keywarden.server.support.SlowTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.CloudTrailException;
import software.amazon.awssdk.services.cloudtrail.model.Event;
import software.amazon.awssdk.services.cloudtrail.model.InvalidLookupAttributesException;
import software.amazon.awssdk.services.cloudtrail.model.InvalidMaxResultsException;
import software.amazon.awssdk.services.cloudtrail.model.InvalidNextTokenException;
import software.amazon.awssdk.services.cloudtrail.model.InvalidTimeRangeException;
import software.amazon.awssdk.services.cloudtrail.model.LookupAttributeKey;
import software.amazon.awssdk.services.cloudtrail.model.LookupEventsResponse;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * CloudTrail's LookupEvents through the real AWS SDK for Java v2 {@code CloudTrailClient}: by access key (an ASIA
 * key's issuing event, written to the trail directly as STS will record it, and the calls made with it; an AKIA
 * key's CreateAccessKey), by event name and read-only, the paginator, and CloudTrail's exceptions as the SDK's typed
 * exceptions.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@SlowTest
class CloudTrailCompatibilityTest extends AwsSdkTestSupport {
    private static final String ASIA = "ASIAQYLPMN5HSDKTEST7";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    AuditWriter writer;

    @Inject
    Account account;

    private CloudTrailClient trail;
    private AccessKey bobKey;

    @BeforeAll
    void setUp() {
        IamClient iam = rootIam();
        iam.createUser(b -> b.userName("ct-bob"));
        bobKey = iam.createAccessKey(b -> b.userName("ct-bob")).accessKey();
        trail = cloudTrail(ROOT_ACCESS_KEY_ID, ROOT_SECRET);
        String acct = account.id().value();
        write("sts.amazonaws.com", "GetSessionToken", false, "IAMUser", "arn:aws:iam::" + acct + ":user/ct-bob",
                "ct-bob", bobKey.accessKeyId(), "{\"durationSeconds\":3600}",
                "{\"credentials\":{\"accessKeyId\":\"" + ASIA + "\",\"sessionToken\":"
                        + "\"HIDDEN_DUE_TO_SECURITY_REASONS\"}}");
        for (int i = 0; i < 4; i++) {
            write("iam.amazonaws.com", "GetUser", true, "IAMUser", "arn:aws:iam::" + acct + ":user/ct-bob", "ct-bob",
                    ASIA, null, null);
        }
    }

    private void write(String source, String name, boolean readOnly, String type, String arn, String user,
                       String keyId, String request, String response) {
        writer.write(new AuditRecord(UUID.randomUUID().toString(), Instant.now(), account.id().value(), source, name,
                readOnly, type, arn, "AIDAEXAMPLE", user, keyId, "192.0.2.1", "test", request, response, null, null,
                "req-" + UUID.randomUUID(), 200)).join();
    }

    private CloudTrailClient cloudTrail(String accessKeyId, String secret) {
        return track(CloudTrailClient.builder()
                .endpointOverride(baseUri())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secret)))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build());
    }

    @Test
    void lookupByAnAsiaKeyListsTheIssuingEventAndTheCallsMadeWithIt() throws Exception {
        LookupEventsResponse r = trail.lookupEvents(b -> b.lookupAttributes(a -> a
                .attributeKey(LookupAttributeKey.ACCESS_KEY_ID).attributeValue(ASIA)));
        assertThat(r.events()).extracting(Event::eventName)
                .containsExactly("GetUser", "GetUser", "GetUser", "GetUser", "GetSessionToken");
        Event issuing = r.events().get(4);
        assertThat(issuing.readOnly()).isEqualTo("false");
        assertThat(issuing.accessKeyId()).isEqualTo(bobKey.accessKeyId());
        assertThat(issuing.username()).isEqualTo("ct-bob");
        assertThat(issuing.eventSource()).isEqualTo("sts.amazonaws.com");
        assertThat(issuing.eventTime()).isBefore(Instant.now().plusSeconds(1));
        assertThat(issuing.resources()).anySatisfy(x -> {
            assertThat(x.resourceType()).isEqualTo("AWS::IAM::AccessKey");
            assertThat(x.resourceName()).isEqualTo(ASIA);
        });
        JsonNode record = JSON.readTree(issuing.cloudTrailEvent());
        assertThat(record.path("userIdentity").path("type").asText()).isEqualTo("IAMUser");
        assertThat(record.path("responseElements").path("credentials").path("accessKeyId").asText()).isEqualTo(ASIA);
        assertThat(r.nextToken()).isNull();
    }

    @Test
    void lookupByAnAkiaKeyFindsItsCreateAccessKeyAndByEventNameAndReadOnly() {
        LookupEventsResponse byKey = trail.lookupEvents(b -> b.lookupAttributes(a -> a
                .attributeKey(LookupAttributeKey.ACCESS_KEY_ID).attributeValue(bobKey.accessKeyId())));
        assertThat(byKey.events()).extracting(Event::eventName).contains("CreateAccessKey", "GetSessionToken");
        LookupEventsResponse byName = trail.lookupEvents(b -> b.lookupAttributes(a -> a
                .attributeKey(LookupAttributeKey.EVENT_NAME).attributeValue("CreateUser")));
        assertThat(byName.events()).isNotEmpty().allSatisfy(e -> {
            assertThat(e.eventName()).isEqualTo("CreateUser");
            assertThat(e.eventSource()).isEqualTo("iam.amazonaws.com");
            assertThat(e.username()).isEqualTo("root");
        });
        LookupEventsResponse changes = trail.lookupEvents(b -> b.lookupAttributes(a -> a
                .attributeKey(LookupAttributeKey.READ_ONLY).attributeValue("false")).maxResults(50));
        assertThat(changes.events()).isNotEmpty().allSatisfy(e -> assertThat(e.readOnly()).isEqualTo("false"));
        LookupEventsResponse inRange = trail.lookupEvents(b -> b.startTime(Instant.now().minusSeconds(3600))
                .endTime(Instant.now().plusSeconds(60)).lookupAttributes(a -> a
                        .attributeKey(LookupAttributeKey.RESOURCE_NAME).attributeValue("ct-bob")));
        assertThat(inRange.events()).extracting(Event::eventName).contains("CreateUser", "CreateAccessKey");
    }

    @Test
    void thePaginatorWalksEveryPage() {
        List<Event> events = trail.lookupEventsPaginator(b -> b.maxResults(2).lookupAttributes(a -> a
                .attributeKey(LookupAttributeKey.ACCESS_KEY_ID).attributeValue(ASIA))).events().stream().toList();
        assertThat(events).hasSize(5).extracting(Event::eventId).doesNotHaveDuplicates();
        assertThat(events.get(4).eventName()).isEqualTo("GetSessionToken");
    }

    @Test
    void cloudTrailsExceptionsArriveAsTheSdksTypedExceptions() {
        assertThatThrownBy(() -> trail.lookupEvents(b -> b.lookupAttributes(
                a -> a.attributeKey(LookupAttributeKey.EVENT_NAME).attributeValue("x"),
                a -> a.attributeKey(LookupAttributeKey.USERNAME).attributeValue("y"))))
                .isInstanceOf(InvalidLookupAttributesException.class);
        assertThatThrownBy(() -> trail.lookupEvents(b -> b.startTime(Instant.now()).endTime(Instant.now()
                .minusSeconds(60)))).isInstanceOf(InvalidTimeRangeException.class);
        assertThatThrownBy(() -> trail.lookupEvents(b -> b.maxResults(51)))
                .isInstanceOf(InvalidMaxResultsException.class);
        assertThatThrownBy(() -> trail.lookupEvents(b -> b.nextToken("garbage")))
                .isInstanceOf(InvalidNextTokenException.class);
        assertThatThrownBy(() -> cloudTrail(bobKey.accessKeyId(), bobKey.secretAccessKey()).lookupEvents(b -> { }))
                .isInstanceOfSatisfying(CloudTrailException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(403);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDeniedException");
                });
        assertThatThrownBy(() -> cloudTrail(bobKey.accessKeyId(), "wrong" + bobKey.secretAccessKey())
                .lookupEvents(b -> { })).isInstanceOfSatisfying(CloudTrailException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(403);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("SignatureDoesNotMatch");
                    assertThat(e.awsErrorDetails().errorMessage()).isNotBlank();
                });
    }
}
