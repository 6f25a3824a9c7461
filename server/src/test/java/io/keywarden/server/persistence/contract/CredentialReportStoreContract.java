package io.keywarden.server.persistence.contract;

import io.keywarden.core.identity.AccountId;
import io.keywarden.core.port.CredentialReportStore;
import io.keywarden.core.port.CredentialReportStore.StoredReport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every operation of {@link CredentialReportStore}, on each database and in memory. */
public abstract class CredentialReportStoreContract extends StoreContract {
    private CredentialReportStore reports;

    @BeforeEach
    void stores() {
        reports = bean(CredentialReportStore.class);
    }

    private static StoredReport report(Instant at, String csv) {
        return new StoredReport(at, csv.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void thereIsNoReportBeforeTheFirstSave() {
        assertThat(reports.latest(acct())).isEmpty();
    }

    @Test
    void aSavedReportComesBackByteForByteWithItsTime() {
        String csv = "user,arn\n<root_account>,arn:aws:iam::123456789012:root\n\"smith,john\",x\n";
        Instant generated = Instant.parse("2026-01-02T03:04:06Z");
        reports.save(acct(), report(generated, csv));

        StoredReport got = reports.latest(acct()).orElseThrow();
        assertThat(got.generatedTime()).isEqualTo(generated);
        assertThat(new String(got.csv(), StandardCharsets.UTF_8)).isEqualTo(csv);
    }

    @Test
    void aNewReportReplacesTheOldOne() {
        reports.save(acct(), report(T0, "old"));
        reports.save(acct(), report(T0.plusSeconds(60), "new"));

        StoredReport got = reports.latest(acct()).orElseThrow();
        assertThat(got.generatedTime()).isEqualTo(T0.plusSeconds(60));
        assertThat(got.csv()).isEqualTo("new".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aLargeReportIsKeptWhole() {
        // about 100,000 users' worth of rows is tens of MB; 4 MB here keeps the test quick
        byte[] big = "x".repeat(4 * 1024 * 1024).getBytes(StandardCharsets.US_ASCII);
        reports.save(acct(), new StoredReport(T0, big));
        assertThat(reports.latest(acct()).orElseThrow().csv()).isEqualTo(big);
    }

    @Test
    void reportsArePerAccount() {
        reports.save(acct(), report(T0, "mine"));
        assertThat(reports.latest(AccountId.of("999999999999"))).isEmpty();
    }

    @Test
    void concurrentFirstReportsLeaveExactlyOne() throws Exception {
        List<Integer> done = race(8, i -> {
            reports.save(acct(), report(T0.plusSeconds(i), "report " + i));
            return i;
        });
        assertThat(done).hasSize(8);
        StoredReport got = reports.latest(acct()).orElseThrow();
        String text = new String(got.csv(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("report ");
        assertThat(got.generatedTime()).isEqualTo(T0.plusSeconds(Integer.parseInt(text.substring("report ".length()))));
    }
}
