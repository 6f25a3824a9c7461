package io.keywarden.core.service;

import io.keywarden.core.auth.Caller;
import io.keywarden.core.authz.RootOnlyAuthorizer;
import io.keywarden.core.crypto.MasterKey;
import io.keywarden.core.crypto.SecretSealer;
import io.keywarden.core.error.ErrorCode;
import io.keywarden.core.error.KeywardenException;
import io.keywarden.core.identity.Account;
import io.keywarden.core.identity.AccountId;
import io.keywarden.core.identity.Principal;
import io.keywarden.core.keys.LastUsed;
import io.keywarden.core.keys.NewAccessKey;
import io.keywarden.core.testing.InMemoryAccessKeyStore;
import io.keywarden.core.testing.InMemoryCredentialReportStore;
import io.keywarden.core.testing.InMemoryUserStore;
import io.keywarden.core.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CredentialReportServiceTest {
    private final AccountId accountId = AccountId.of("123456789012");
    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    private final Account account = new Account(accountId, Instant.parse("2026-01-01T00:00:00Z"));
    private final InMemoryUserStore users = new InMemoryUserStore();
    private final InMemoryAccessKeyStore keys = new InMemoryAccessKeyStore();
    private final IdentityService identity = IdentityService.builder().account(account).users(users).keys(keys)
            .sealer(SecretSealer.create(MasterKey.of(1, new byte[32]), new SecureRandom()))
            .authorizer(new RootOnlyAuthorizer()).random(new SecureRandom()).clock(clock).build();
    private final CredentialReportService reports = new CredentialReportService(account, users, keys,
            new InMemoryCredentialReportStore(), new RootOnlyAuthorizer(), clock, Duration.ofMinutes(1));
    private final Caller root = new Caller(Principal.root(accountId), "AKIAEXAMPLEEXAMPLE00", clock.instant(),
            "127.0.0.1", "test", false, "us-east-1", "iam");

    @Test
    void reportIsNotPresentBeforeTheFirstGeneration() {
        assertThatThrownBy(() -> reports.get(root)).isInstanceOfSatisfying(KeywardenException.class,
                e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.REPORT_NOT_PRESENT));
        assertThat(ErrorCode.REPORT_NOT_PRESENT.httpStatus()).isEqualTo(410);
    }

    @Test
    void generationStartsThenCompletesUntilTheReportIsTooOld() {
        assertThat(reports.generate(root).state()).isEqualTo(CredentialReportService.State.STARTED);
        assertThat(reports.generate(root).state()).isEqualTo(CredentialReportService.State.COMPLETE);
        clock.advance(Duration.ofMinutes(2));
        assertThat(reports.generate(root).state()).isEqualTo(CredentialReportService.State.STARTED);
    }

    @Test
    void reportHasAwsColumnsRootFirstAndKeyDetails() {
        identity.createUser(root, "alice", null);
        identity.createUser(root, "bob", "/ops/");
        NewAccessKey k1 = identity.createAccessKey(root, "alice");
        clock.advance(Duration.ofHours(1));
        NewAccessKey k2 = identity.createAccessKey(root, "alice");
        identity.updateAccessKey(root, "alice", k2.key().id().value(), "Inactive");
        keys.recordLastUsed(Map.of(k1.key().id(), new LastUsed(Instant.parse("2026-03-01T10:30:00.250Z"), "iam", "us-east-1")));
        reports.generate(root);
        String[] lines = reports.get(root).csvText().split("\n");
        assertThat(lines[0]).isEqualTo(CredentialReportService.HEADER);
        assertThat(lines[0].split(",")).hasSize(22);
        assertThat(lines).hasSize(4);
        assertThat(lines[1]).isEqualTo("<root_account>,arn:aws:iam::123456789012:root,2026-01-01T00:00:00+00:00,"
                + "not_supported,N/A,not_supported,not_supported,false,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,"
                + "false,N/A,false,N/A");
        assertThat(lines[2]).isEqualTo("alice,arn:aws:iam::123456789012:user/alice,2026-03-01T10:00:00+00:00,"
                + "false,N/A,N/A,N/A,false,"
                + "true,2026-03-01T10:00:00+00:00,2026-03-01T10:30:00+00:00,us-east-1,iam,"
                + "false,2026-03-01T11:00:00+00:00,N/A,N/A,N/A,false,N/A,false,N/A");
        assertThat(lines[3]).startsWith("bob,arn:aws:iam::123456789012:user/ops/bob,").endsWith(
                ",false,N/A,N/A,N/A,false,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A");
        assertThat(lines[3].split(",")).hasSize(22);
    }

    @Test
    void userNamesWithCommasAreQuotedSoEveryRowKeepsItsColumns() {
        identity.createUser(root, "smith,john", null);
        reports.generate(root);
        String[] lines = reports.get(root).csvText().split("\n");
        String quoted = "\"smith,john\",\"arn:aws:iam::123456789012:user/smith,john\",";
        assertThat(lines[2]).startsWith(quoted);
        assertThat(lines[2].substring(quoted.length()).split(",")).hasSize(20);
    }
    @Test
    void cellsStartingWithAFormulaCharacterAreNeutralisedWithAQuote() {
        for (String name : new String[] {"=cmd", "@x", "-x", "+x", "=a,b"}) {
            identity.createUser(root, name, null);
        }
        reports.generate(root);
        String csv = reports.get(root).csvText();
        String[] lines = csv.split("\n");
        // rows are ordered by user name: +x, -x, =a,b, =cmd, @x
        assertThat(lines[2]).startsWith("'+x,arn:aws:iam::123456789012:user/+x,");
        assertThat(lines[3]).startsWith("'-x,arn:aws:iam::123456789012:user/-x,");
        assertThat(lines[4]).startsWith("\"'=a,b\",\"arn:aws:iam::123456789012:user/=a,b\",");
        assertThat(lines[5]).startsWith("'=cmd,arn:aws:iam::123456789012:user/=cmd,");
        assertThat(lines[6]).startsWith("'@x,arn:aws:iam::123456789012:user/@x,");
        for (int i = 1; i < lines.length; i++) {
            for (String cell : lines[i].split(",")) {
                assertThat(cell).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("-")
                        .doesNotStartWith("@").doesNotStartWith("\"=");
            }
        }
        // everything else as before: dates, N/A and the root row untouched
        assertThat(lines[1]).isEqualTo("<root_account>,arn:aws:iam::123456789012:root,2026-01-01T00:00:00+00:00,"
                + "not_supported,N/A,not_supported,not_supported,false,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,"
                + "false,N/A,false,N/A");
        assertThat(lines[5]).endsWith(",2026-03-01T10:00:00+00:00,false,N/A,N/A,N/A,false,"
                + "false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A");
    }

    @Test
    void fieldNeutralisesFormulaTabAndCarriageReturnButNothingElse() {
        assertThat(cell("=1+1")).isEqualTo("'=1+1");
        assertThat(cell("+1")).isEqualTo("'+1");
        assertThat(cell("-1")).isEqualTo("'-1");
        assertThat(cell("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(cell("\tx")).isEqualTo("'\tx");
        assertThat(cell("\rx")).isEqualTo("\"'\rx\"");
        assertThat(cell("a=b")).isEqualTo("a=b");
        assertThat(cell("N/A")).isEqualTo("N/A");
        assertThat(cell("not_supported")).isEqualTo("not_supported");
        assertThat(cell("2026-01-01T00:00:00+00:00")).isEqualTo("2026-01-01T00:00:00+00:00");
        assertThat(cell("us-east-1")).isEqualTo("us-east-1");
    }

    private static String cell(String value) {
        StringBuilder sb = new StringBuilder();
        CredentialReportService.field(sb, value);
        return sb.toString();
    }
}
