package io.keywarden.sdk;

import io.keywarden.sdk.auth.StaticCredentialsProvider;
import io.keywarden.sdk.exception.KeywardenClientException;
import io.keywarden.sdk.exception.ReportNotPresentException;
import io.keywarden.sdk.model.CredentialReport;
import io.keywarden.sdk.model.CredentialReportGeneration;
import io.keywarden.sdk.model.CredentialReportRow;
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
import java.util.Map;

import static io.keywarden.sdk.testing.Fixtures.CREDENTIALS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CredentialReportOperationsTest {
    private static final Instant NOW = Instant.parse("2026-12-01T10:15:30Z");
    static final String HEADER = "user,arn,user_creation_time,password_enabled,password_last_used,"
            + "password_last_changed,password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,"
            + "access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,"
            + "access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,"
            + "access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated";
    static final String ROOT_ROW = "<root_account>,arn:aws:iam::123456789012:root,2026-01-01T00:00:00+00:00,"
            + "not_supported,N/A,not_supported,not_supported,false,true,2026-01-01T00:00:00+00:00,"
            + "2026-12-01T09:00:00+00:00,us-east-1,iam,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A";
    static final String ALICE_ROW = "\"smith,alice\",\"arn:aws:iam::123456789012:user/eng/smith,alice\","
            + "2026-03-01T10:00:00+00:00,false,N/A,N/A,N/A,false,"
            + "true,2026-03-01T10:00:00+00:00,2026-03-01T10:30:00+00:00,eu-west-1,sts,"
            + "false,2026-03-01T11:00:00+00:00,N/A,N/A,N/A,false,N/A,false,N/A";

    private StubServer stub;
    private KeywardenClient client;

    @BeforeEach
    void start() {
        stub = StubServer.start();
        client = KeywardenClient.builder().endpoint(stub.uri()).region("us-east-1")
                .credentialsProvider(StaticCredentialsProvider.create(CREDENTIALS))
                .clock(Clock.fixed(NOW, ZoneOffset.UTC)).maxRetries(0).build();
    }

    @AfterEach
    void stop() {
        client.close();
        stub.close();
    }

    @Test
    void generateIsASignedPostAnsweringTheState() {
        stub.enqueue(Answer.ok("{\"state\":\"STARTED\",\"description\":\"No report exists. Starting a new report"
                + " generation task\"}"));

        CredentialReportGeneration started = client.generateCredentialReport();

        Recorded request = stub.onlyRequest();
        assertThat(SignatureCheck.verify(request, CREDENTIALS).service()).isEqualTo("iam");
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.rawPath()).isEqualTo("/v1/credential-report");
        assertThat(request.body()).isEmpty();
        assertThat(started.state()).isEqualTo(CredentialReportGeneration.STARTED);
        assertThat(started.describe()).contains("No report exists. Starting a new report generation task");
        assertThat(started.isReady()).isTrue();
    }

    @Test
    void generateMayKeepTheRecentReport() {
        stub.enqueue(Answer.ok("{\"state\":\"COMPLETE\"}"));

        CredentialReportGeneration kept = client.generateCredentialReport();

        assertThat(kept.state()).isEqualTo(CredentialReportGeneration.COMPLETE);
        assertThat(kept.describe()).isEmpty();
    }

    @Test
    void getReadsTheCsvItsGenerationTimeAndRows() {
        String csv = HEADER + "\n" + ROOT_ROW + "\n" + ALICE_ROW + "\n";
        stub.enqueue(new Answer(200, Map.of("Content-Type", "text/csv", "Last-Modified", "Tue, 01 Dec 2026 10:15:00 GMT"),
                csv, Duration.ZERO));

        CredentialReport report = client.getCredentialReport();

        Recorded request = stub.onlyRequest();
        assertThat(SignatureCheck.verify(request, CREDENTIALS).service()).isEqualTo("iam");
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.rawPath()).isEqualTo("/v1/credential-report");
        assertThat(report.generatedTime()).isEqualTo(Instant.parse("2026-12-01T10:15:00Z"));
        assertThat(report.csv()).isEqualTo(csv);
        assertThat(report.rows()).hasSize(2);

        CredentialReportRow root = report.rows().get(0);
        assertThat(root.isRoot()).isTrue();
        assertThat(root.arn()).isEqualTo("arn:aws:iam::123456789012:root");
        assertThat(root.passwordEnabled()).isEqualTo("not_supported");
        assertThat(root.accessKey1().active()).isTrue();
        assertThat(root.accessKey1().lastUsedDate()).contains(Instant.parse("2026-12-01T09:00:00Z"));
        assertThat(root.accessKey2().exists()).isFalse();
        assertThat(root.accessKey2().lastUsedService()).isEqualTo("N/A");

        CredentialReportRow alice = report.row("smith,alice").orElseThrow();
        assertThat(alice.isRoot()).isFalse();
        assertThat(alice.arn()).isEqualTo("arn:aws:iam::123456789012:user/eng/smith,alice");
        assertThat(alice.userCreationTime()).isEqualTo(Instant.parse("2026-03-01T10:00:00Z"));
        assertThat(alice.mfaActive()).isFalse();
        assertThat(alice.accessKey1().lastUsedRegion()).isEqualTo("eu-west-1");
        assertThat(alice.accessKey1().lastUsedService()).isEqualTo("sts");
        assertThat(alice.accessKey2().exists()).isTrue();
        assertThat(alice.accessKey2().active()).isFalse();
        assertThat(alice.accessKey2().lastRotatedDate()).contains(Instant.parse("2026-03-01T11:00:00Z"));
        assertThat(alice.accessKey2().lastUsedDate()).isEmpty();
        assertThat(alice.cert1Active()).isFalse();
    }

    @Test
    void getBeforeAnyGenerationIsReportNotPresent() {
        stub.enqueue(Answer.error(410, "ReportNotPresent", "Credential report not present.", "r-410"));

        assertThatThrownBy(client::getCredentialReport).isInstanceOfSatisfying(ReportNotPresentException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(410);
            assertThat(e.requestId()).contains("r-410");
        });
    }

    @Test
    void aReportWithoutItsGenerationTimeIsAClientError() {
        stub.enqueue(new Answer(200, Map.of("Content-Type", "text/csv"), HEADER + "\n", Duration.ZERO));

        assertThatThrownBy(client::getCredentialReport).isInstanceOf(KeywardenClientException.class)
                .hasMessageContaining("Last-Modified");
    }

    @Test
    void aReportMissingAColumnIsAClientError() {
        stub.enqueue(new Answer(200, Map.of("Content-Type", "text/csv", "Last-Modified", "Tue, 01 Dec 2026 10:15:00 GMT"),
                "user,arn\n<root_account>,arn:aws:iam::123456789012:root\n", Duration.ZERO));

        assertThatThrownBy(client::getCredentialReport).isInstanceOf(KeywardenClientException.class)
                .hasMessageContaining("user_creation_time");
    }
}
