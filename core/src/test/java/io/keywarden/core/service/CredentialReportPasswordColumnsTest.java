package io.keywarden.core.service;

import io.keywarden.core.authz.RootOnlyAuthorizer;
import io.keywarden.core.identity.Account;
import io.keywarden.core.identity.AccountId;
import io.keywarden.core.identity.User;
import io.keywarden.core.identity.UserName;
import io.keywarden.core.identity.UserPath;
import io.keywarden.core.password.LoginProfile;
import io.keywarden.core.password.PasswordPolicy;
import io.keywarden.core.testing.InMemoryAccessKeyStore;
import io.keywarden.core.testing.InMemoryAccountSettingsStore;
import io.keywarden.core.testing.InMemoryCredentialReportStore;
import io.keywarden.core.testing.InMemoryLoginProfileStore;
import io.keywarden.core.testing.InMemoryUserStore;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** password_enabled, password_last_used, password_last_changed and password_next_rotation, as AWS writes them. */
class CredentialReportPasswordColumnsTest {
    private final AccountId accountId = AccountId.of("123456789012");
    private final Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
    private final InMemoryUserStore users = new InMemoryUserStore();
    private final InMemoryLoginProfileStore profiles = new InMemoryLoginProfileStore();
    private final InMemoryAccountSettingsStore settings = new InMemoryAccountSettingsStore();
    private final CredentialReportService reports = new CredentialReportService(new Account(accountId, t0), users,
            new InMemoryAccessKeyStore(), new InMemoryCredentialReportStore(), profiles, settings,
            new RootOnlyAuthorizer(), java.time.Clock.fixed(t0, ZoneOffset.UTC), Duration.ofHours(4));

    private List<String> row(String csv, String user) {
        return csv.lines().filter(l -> l.startsWith(user + ",")).findFirst()
                .map(l -> Arrays.asList(l.split(","))).orElseThrow();
    }

    @Test
    void passwordColumnsComeFromTheLoginProfilesAndThePolicy() {
        users.insert(new User(accountId, "AIDANOPW", UserName.of("nopw"), UserPath.ROOT, t0));
        users.insert(new User(accountId, "AIDANEVER", UserName.of("never"), UserPath.ROOT, t0));
        users.insert(new User(accountId, "AIDAUSED", UserName.of("used"), UserPath.ROOT, t0));
        Instant changed = Instant.parse("2026-02-01T08:00:00Z");
        profiles.insert(new LoginProfile(accountId, "AIDANEVER", "never", "h", changed, changed, false, null));
        profiles.insert(new LoginProfile(accountId, "AIDAUSED", "used", "h", changed, changed, false,
                Instant.parse("2026-02-03T09:30:00Z")));
        profiles.insert(new LoginProfile(accountId, accountId.value(), null, "h", changed, changed, false,
                Instant.parse("2026-02-04T10:00:00Z")));

        String csv = reports.render(t0);
        assertThat(row(csv, "nopw").subList(3, 7)).containsExactly("false", "N/A", "N/A", "N/A");
        assertThat(row(csv, "never").subList(3, 7))
                .containsExactly("true", "no_information", "2026-02-01T08:00:00+00:00", "N/A");
        assertThat(row(csv, "used").subList(3, 7))
                .containsExactly("true", "2026-02-03T09:30:00+00:00", "2026-02-01T08:00:00+00:00", "N/A");
        assertThat(row(csv, "<root_account>").subList(3, 7))
                .containsExactly("not_supported", "2026-02-04T10:00:00+00:00", "not_supported", "not_supported");

        settings.putPasswordPolicy(accountId, PasswordPolicy.of(8, false, false, false, false, true, 90, null, false));
        assertThat(row(reports.render(t0), "used").get(6)).isEqualTo("2026-05-02T08:00:00+00:00");
    }

    @Test
    void rootWithoutPasswordHasNoLastUse() {
        assertThat(row(reports.render(t0), "<root_account>").subList(3, 7))
                .containsExactly("not_supported", "N/A", "not_supported", "not_supported");
    }
}
