package io.keywarden.server.compat;

import io.keywarden.sdk.KeywardenClient;
import io.keywarden.sdk.auth.StaticCredentialsProvider;
import io.keywarden.sdk.exception.ReportNotPresentException;
import io.keywarden.sdk.model.CredentialReport;
import io.keywarden.sdk.model.CredentialReportRow;
import io.keywarden.core.sigv4.SigningCredentials;
import io.keywarden.server.support.SignedClient.Response;
import io.keywarden.server.support.SlowTest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.iam.model.CredentialReportNotPresentException;
import software.amazon.awssdk.services.iam.model.GenerateCredentialReportResponse;
import software.amazon.awssdk.services.iam.model.GetCredentialReportResponse;
import software.amazon.awssdk.services.iam.model.ReportFormatType;
import software.amazon.awssdk.services.iam.model.ReportStateType;
import software.amazon.awssdk.services.iam.model.StatusType;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The credential report end to end: generated and fetched through the real AWS SDK (base64 CSV in the XML) and
 * parsed as CSV in AWS's columns, the same report as CSV over the REST API and through Keywarden's SDK. The server
 * keeps a report for 2 seconds here so that both GenerateCredentialReport answers show.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@SlowTest
class CredentialReportCompatibilityTest extends AwsSdkTestSupport {
    static final List<String> COLUMNS = List.of("user", "arn", "user_creation_time", "password_enabled",
            "password_last_used", "password_last_changed", "password_next_rotation", "mfa_active",
            "access_key_1_active", "access_key_1_last_rotated", "access_key_1_last_used_date",
            "access_key_1_last_used_region", "access_key_1_last_used_service", "access_key_2_active",
            "access_key_2_last_rotated", "access_key_2_last_used_date", "access_key_2_last_used_region",
            "access_key_2_last_used_service", "cert_1_active", "cert_1_last_rotated", "cert_2_active",
            "cert_2_last_rotated");
    private static final String DATE = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\+00:00";

    private IamClient iam;
    private String account;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("keywarden.credential-report.max-age", "2s");
    }

    @BeforeAll
    void clients() {
        iam = rootIam();
        account = rootSts().getCallerIdentity().account();
    }

    @Test
    @Order(1)
    void beforeTheFirstGenerationThereIsNoReport() {
        assertThatThrownBy(() -> iam.getCredentialReport())
                .isInstanceOfSatisfying(CredentialReportNotPresentException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(410);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ReportNotPresent");
                });
        Response rest = root().get("/v1/credential-report");
        assertThat(rest.status()).isEqualTo(410);
        assertThat(rest.code()).isEqualTo("ReportNotPresent");
        assertThatThrownBy(() -> keywarden().getCredentialReport()).isInstanceOf(ReportNotPresentException.class);
    }

    @Test
    @Order(2)
    void generatedReportHasAwsColumnsRootFirst() throws Exception {
        iam.createUser(b -> b.userName("cr-alice").path("/eng/"));
        iam.createUser(b -> b.userName("cr-bob"));
        AccessKey used = iam.createAccessKey(b -> b.userName("cr-alice")).accessKey();
        AccessKey idle = iam.createAccessKey(b -> b.userName("cr-alice")).accessKey();
        iam.updateAccessKey(b -> b.userName("cr-alice").accessKeyId(idle.accessKeyId()).status(StatusType.INACTIVE));
        sts(used).getCallerIdentity();
        waitForLastUse(used.accessKeyId());

        GenerateCredentialReportResponse started = iam.generateCredentialReport();
        assertThat(started.state()).isEqualTo(ReportStateType.STARTED);
        assertThat(started.description()).isEqualTo("No report exists. Starting a new report generation task");
        assertThat(iam.generateCredentialReport().state()).isEqualTo(ReportStateType.COMPLETE);

        GetCredentialReportResponse got = iam.getCredentialReport();
        assertThat(got.reportFormat()).isEqualTo(ReportFormatType.TEXT_CSV);
        assertThat(got.generatedTime()).isBetween(Instant.now().minusSeconds(30), Instant.now().plusSeconds(1));
        assertThat(got.generatedTime().getNano()).isZero();
        List<Map<String, String>> rows = parse(got.content().asString(StandardCharsets.UTF_8));

        Map<String, String> root = rows.get(0);
        assertThat(root.get("user")).isEqualTo("<root_account>");
        assertThat(root.get("arn")).isEqualTo("arn:aws:iam::" + account + ":root");
        assertThat(root.get("user_creation_time")).matches(DATE);
        assertThat(root.get("password_enabled")).isEqualTo("not_supported");
        assertThat(root.get("password_last_changed")).isEqualTo("not_supported");
        assertThat(root.get("password_next_rotation")).isEqualTo("not_supported");
        assertThat(root.get("access_key_1_active")).isEqualTo("true");
        assertThat(root.get("access_key_1_last_used_service")).isIn("iam", "sts");

        Map<String, String> alice = rows.stream().filter(r -> r.get("user").equals("cr-alice")).findFirst().orElseThrow();
        assertThat(alice.get("arn")).isEqualTo("arn:aws:iam::" + account + ":user/eng/cr-alice");
        assertThat(alice.get("password_enabled")).isEqualTo("false");
        assertThat(alice.get("password_last_used")).isEqualTo("N/A");
        assertThat(alice.get("mfa_active")).isEqualTo("false");
        assertThat(alice.get("access_key_1_active")).isEqualTo("true");
        assertThat(alice.get("access_key_1_last_rotated")).matches(DATE);
        assertThat(alice.get("access_key_1_last_used_date")).matches(DATE);
        assertThat(alice.get("access_key_1_last_used_region")).isEqualTo("us-east-1");
        assertThat(alice.get("access_key_1_last_used_service")).isEqualTo("sts");
        assertThat(alice.get("access_key_2_active")).isEqualTo("false");
        assertThat(alice.get("access_key_2_last_rotated")).matches(DATE);
        assertThat(alice.get("access_key_2_last_used_date")).isEqualTo("N/A");
        assertThat(alice.get("access_key_2_last_used_region")).isEqualTo("N/A");
        assertThat(alice.get("access_key_2_last_used_service")).isEqualTo("N/A");
        assertThat(alice.get("cert_1_active")).isEqualTo("false");
        assertThat(alice.get("cert_2_last_rotated")).isEqualTo("N/A");

        Map<String, String> bob = rows.stream().filter(r -> r.get("user").equals("cr-bob")).findFirst().orElseThrow();
        assertThat(bob.get("access_key_1_active")).isEqualTo("false");
        assertThat(bob.get("access_key_1_last_rotated")).isEqualTo("N/A");
        assertThat(rows).extracting(r -> r.get("user")).containsExactly("<root_account>", "cr-alice", "cr-bob");
    }

    @Test
    @Order(3)
    void theRestApiAndKeywardenSdkServeTheSameReport() {
        GetCredentialReportResponse viaAws = iam.getCredentialReport();
        String csv = viaAws.content().asString(StandardCharsets.UTF_8);

        Response rest = root().get("/v1/credential-report");
        assertThat(rest.status()).isEqualTo(200);
        assertThat(rest.header("Content-Type")).startsWith("text/csv");
        assertThat(rest.body()).isEqualTo(csv);
        assertThat(ZonedDateTime.parse(rest.header("Last-Modified"), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant())
                .isEqualTo(viaAws.generatedTime());

        try (KeywardenClient client = keywarden()) {
            CredentialReport report = client.getCredentialReport();
            assertThat(report.csv()).isEqualTo(csv);
            assertThat(report.generatedTime()).isEqualTo(viaAws.generatedTime());
            assertThat(report.rows().get(0).isRoot()).isTrue();
            CredentialReportRow alice = report.row("cr-alice").orElseThrow();
            assertThat(alice.accessKey1().lastUsedService()).isEqualTo("sts");
            assertThat(alice.accessKey2().exists()).isTrue();
            assertThat(alice.accessKey2().active()).isFalse();
        }
    }

    @Test
    @Order(4)
    void anOldReportIsReplacedOnTheNextGeneration() throws Exception {
        Instant first = iam.getCredentialReport().generatedTime();
        iam.createUser(b -> b.userName("cr-carol"));
        Thread.sleep(2100);

        GenerateCredentialReportResponse again = iam.generateCredentialReport();
        assertThat(again.state()).isEqualTo(ReportStateType.STARTED);
        assertThat(again.description()).startsWith("Report is older than");
        GetCredentialReportResponse fresh = iam.getCredentialReport();
        assertThat(fresh.generatedTime()).isAfter(first);
        assertThat(parse(fresh.content().asString(StandardCharsets.UTF_8))).extracting(r -> r.get("user"))
                .contains("cr-carol");

        var rest = root().post("/v1/credential-report", null);
        assertThat(rest.status()).isEqualTo(200);
        assertThat(rest.json().path("state").asText()).isEqualTo("COMPLETE");
        assertThat(keywarden().generateCredentialReport().state()).isEqualTo("COMPLETE");
    }

    private KeywardenClient keywarden() {
        return KeywardenClient.builder().endpoint(baseUri()).maxRetries(0)
                .credentialsProvider(StaticCredentialsProvider.create(SigningCredentials.of(ROOT_ACCESS_KEY_ID, ROOT_SECRET)))
                .build();
    }

    private void waitForLastUse(String accessKeyId) {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).untilAsserted(() ->
                assertThat(iam.getAccessKeyLastUsed(b -> b.accessKeyId(accessKeyId)).accessKeyLastUsed().lastUsedDate())
                        .isNotNull());
    }

    /** The CSV as maps from column to value, checking the header is AWS's exactly (no quoting needed for these names). */
    static List<Map<String, String>> parse(String csv) {
        String[] lines = csv.split("\n");
        assertThat(Arrays.asList(lines[0].split(","))).isEqualTo(COLUMNS);
        return Arrays.stream(lines).skip(1).map(line -> {
            String[] values = line.split(",", -1);
            assertThat(values).hasSize(COLUMNS.size());
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < values.length; i++) {
                row.put(COLUMNS.get(i), values[i]);
            }
            return row;
        }).toList();
    }
}
