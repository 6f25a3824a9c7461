package io.keywarden.server.persistence.contract;

import io.keywarden.core.identity.AccountId;
import io.keywarden.core.port.CredentialReportStore;
import io.keywarden.core.port.CredentialReportStore.StoredReport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Every operation of {@link CredentialReportStore}, on each database: the latest report per account, shared. */
public abstract class CredentialReportStoreContract extends StoreContract {
    private CredentialReportStore reports;

    @BeforeEach
    void stores() {
        reports = bean(CredentialReportStore.class);
    }

    private static byte[] csv(String rows) {
        return ("user,arn,user_creation_time\n" + rows).getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void noReportUntilOneIsSaved() {
        assertThat(reports.latest(acct())).isEmpty();
    }

    @Test
    void theLatestSavedReportIsReturnedByteForByte() {
        byte[] first = csv("alice,arn:aws:iam::123456789012:user/alice,2026-01-02T03:04:05+00:00\n");
        reports.save(acct(), new StoredReport(T0, first));
        StoredReport read = reports.latest(acct()).orElseThrow();
        assertThat(read.generatedTime()).isEqualTo(T0);
        assertThat(read.csv()).isEqualTo(first);

        StringBuilder big = new StringBuilder();
        for (int i = 0; i < 5000; i++) {
            big.append("user").append(i).append(",arn:aws:iam::123456789012:user/user").append(i).append(",é\n");
        }
        byte[] second = csv(big.toString());
        reports.save(acct(), new StoredReport(T0.plusSeconds(60), second));
        StoredReport latest = reports.latest(acct()).orElseThrow();
        assertThat(latest.generatedTime()).isEqualTo(T0.plusSeconds(60));
        assertThat(latest.csv()).isEqualTo(second);
        assertThat(reports.latest(AccountId.of("999999999999"))).isEmpty();
    }

    @Test
    void concurrentSavesLeaveOneCompleteReport() throws Exception {
        List<byte[]> saved = race(8, i -> {
            byte[] body = csv(("node" + i + ",x,y\n").repeat(100));
            reports.save(acct(), new StoredReport(T0.plusSeconds(i), body));
            return body;
        });
        StoredReport latest = reports.latest(acct()).orElseThrow();
        assertThat(saved).anySatisfy(b -> assertThat(latest.csv()).isEqualTo(b));
    }
}
