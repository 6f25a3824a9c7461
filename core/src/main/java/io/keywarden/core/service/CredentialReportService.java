package io.keywarden.core.service;

import io.keywarden.core.operation.Catalogue;
import io.keywarden.core.auth.Caller;
import io.keywarden.core.authz.Authorizer;
import io.keywarden.core.error.ErrorCode;
import io.keywarden.core.error.KeywardenException;
import io.keywarden.core.identity.Account;
import io.keywarden.core.identity.User;
import io.keywarden.core.keys.AccessKey;
import io.keywarden.core.port.AccessKeyStore;
import io.keywarden.core.port.CredentialReportStore;
import io.keywarden.core.port.UserStore;
import io.keywarden.core.password.LoginProfile;
import io.keywarden.core.password.PasswordPolicy;
import io.keywarden.core.port.AccountSettingsStore;
import io.keywarden.core.port.LoginProfileStore;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The credential report in AWS's exact CSV columns: the root user first, then every IAM user by name. The password
 * columns come from the login profiles; Keywarden has no MFA devices or signing certificates, so those columns carry
 * AWS's values for "none".
 * <p>
 * GenerateCredentialReport builds the report at once and answers {@code STARTED}; while the latest report is younger
 * than the configured maximum age, it answers {@code COMPLETE} and keeps that report (AWS keeps one for 4 hours; a
 * shorter age serves rotation decisions better).
 */
public final class CredentialReportService {
    public static final String HEADER = "user,arn,user_creation_time,password_enabled,password_last_used,"
            + "password_last_changed,password_next_rotation,mfa_active,access_key_1_active,access_key_1_last_rotated,"
            + "access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,"
            + "access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,"
            + "access_key_2_last_used_service,cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated";
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx")
            .withZone(ZoneOffset.UTC);
    private static final int PAGE = 1000;

    /** The state GenerateCredentialReport answers. */
    public enum State { STARTED, INPROGRESS, COMPLETE }

    public record GenerateResult(State state, String description) {
    }

    public record Report(Instant generatedTime, byte[] csv) {
        public String csvText() {
            return new String(csv, StandardCharsets.UTF_8);
        }
    }

    private final Account account;
    private final UserStore users;
    private final AccessKeyStore keys;
    private final CredentialReportStore reports;
    private final AccessGuard guard;
    private final Clock clock;
    private final Duration maxAge;
    private final LoginProfileStore profiles;
    private final AccountSettingsStore settings;

    public CredentialReportService(Account account, UserStore users, AccessKeyStore keys, CredentialReportStore reports,
                                   Authorizer authorizer, Clock clock, Duration maxAge) {
        this(account, users, keys, reports, null, null, authorizer, clock, maxAge);
    }

    /** With console passwords: the password columns come from the login profiles and the password policy. */
    public CredentialReportService(Account account, UserStore users, AccessKeyStore keys, CredentialReportStore reports,
                                   LoginProfileStore profiles, AccountSettingsStore settings, Authorizer authorizer,
                                   Clock clock, Duration maxAge) {
        this.profiles = profiles;
        this.settings = settings;
        this.account = Objects.requireNonNull(account, "account");
        this.users = Objects.requireNonNull(users, "users");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.reports = Objects.requireNonNull(reports, "reports");
        this.guard = new AccessGuard(account.id(), users, authorizer);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxAge = Objects.requireNonNull(maxAge, "maxAge");
    }

    public GenerateResult generate(Caller caller) {
        authorize(caller, Catalogue.GENERATE_CREDENTIAL_REPORT.action());
        Instant now = clock.instant();
        var latest = reports.latest(account.id());
        if (latest.isPresent() && Duration.between(latest.get().generatedTime(), now).compareTo(maxAge) < 0) {
            return new GenerateResult(State.COMPLETE, null);
        }
        String description = latest.isEmpty()
                ? "No report exists. Starting a new report generation task"
                : "Report is older than " + maxAge + ". Starting a new report generation task";
        reports.save(account.id(), new CredentialReportStore.StoredReport(now.truncatedTo(ChronoUnit.SECONDS),
                render(now).getBytes(StandardCharsets.UTF_8)));
        return new GenerateResult(State.STARTED, description);
    }

    /** The latest report; {@code ReportNotPresent} (410) before the first generation. */
    public Report get(Caller caller) {
        authorize(caller, Catalogue.GET_CREDENTIAL_REPORT.action());
        return reports.latest(account.id())
                .map(r -> new Report(r.generatedTime(), r.csv()))
                .orElseThrow(() -> KeywardenException.of(ErrorCode.REPORT_NOT_PRESENT,
                        "Credential report not present. Call GenerateCredentialReport first."));
    }

    /** Builds the CSV text as of {@code now}. */
    public String render(Instant now) {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        List<AccessKey> rootKeys = keys.listByOwner(account.id(), account.id().value());
        PasswordPolicy policy = settings == null ? PasswordPolicy.NONE
                : settings.passwordPolicy(account.id()).orElse(PasswordPolicy.NONE);
        Map<String, LoginProfile> rootProfile = passwords(List.of(account.id().value()));
        row(csv, "<root_account>", account.id().rootArn(), account.createDate(), true, rootKeys,
                rootProfile.get(account.id().value()), policy);
        String after = null;
        while (true) {
            List<User> page = users.list(account.id(), "/", after, PAGE);
            if (page.isEmpty()) {
                break;
            }
            Map<String, List<AccessKey>> byOwner = keys.listByOwners(account.id(),
                    page.stream().map(User::userId).toList());
            Map<String, LoginProfile> passwords = passwords(page.stream().map(User::userId).toList());
            for (User u : page) {
                row(csv, u.userName().value(), u.arn(), u.createDate(), false,
                        byOwner.getOrDefault(u.userId(), List.of()), passwords.get(u.userId()), policy);
            }
            if (page.size() < PAGE) {
                break;
            }
            after = page.get(page.size() - 1).userName().key();
        }
        return csv.toString();
    }

    private Map<String, LoginProfile> passwords(List<String> ownerIds) {
        return profiles == null ? Map.of() : profiles.findAll(account.id(), ownerIds);
    }

    /**
     * One row. The password columns as AWS writes them: {@code password_enabled} {@code true}/{@code false}
     * ({@code not_supported} for root); {@code password_last_used} the last sign-in, {@code no_information} when never,
     * {@code N/A} without a password; {@code password_last_changed} and {@code password_next_rotation} (when the policy
     * makes passwords expire) dates or {@code N/A}, {@code not_supported} for root.
     */
    private static void row(StringBuilder csv, String user, String arn, Instant created, boolean root,
                            List<AccessKey> userKeys, LoginProfile password, PasswordPolicy policy) {
        List<String> cols = new ArrayList<>(22);
        cols.add(user);
        cols.add(arn);
        cols.add(DATE.format(created));
        cols.add(root ? "not_supported" : String.valueOf(password != null));         // password_enabled
        cols.add(password == null ? "N/A" : password.passwordLastUsed() == null ? "no_information"
                : DATE.format(password.passwordLastUsed()));                         // password_last_used
        cols.add(root ? "not_supported" : password == null ? "N/A"
                : DATE.format(password.passwordLastChanged()));                      // password_last_changed
        cols.add(root ? "not_supported" : password == null ? "N/A"
                : policy.expiry(password.passwordLastChanged()).map(DATE::format).orElse("N/A"));
                                                                                      // password_next_rotation
        cols.add("false");                             // mfa_active
        List<AccessKey> sorted = userKeys.stream()
                .sorted(java.util.Comparator.comparing(AccessKey::createDate).thenComparing(k -> k.id().value()))
                .toList();
        for (int i = 0; i < 2; i++) {
            AccessKey k = i < sorted.size() ? sorted.get(i) : null;
            cols.add(k != null && k.isActive() ? "true" : "false");
            cols.add(k == null ? "N/A" : DATE.format(k.createDate()));
            if (k == null || k.lastUsed() == null) {
                cols.add("N/A");
                cols.add("N/A");
                cols.add("N/A");
            } else {
                cols.add(DATE.format(k.lastUsed().date()));
                cols.add(k.lastUsed().region().isEmpty() ? "N/A" : k.lastUsed().region());
                cols.add(k.lastUsed().serviceName());
            }
        }
        cols.add("false");
        cols.add("N/A");
        cols.add("false");
        cols.add("N/A");
        for (int i = 0; i < cols.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            field(csv, cols.get(i));
        }
        csv.append('\n');
    }

    /**
     * RFC 4180: a value holding a comma (user names may), a quote or a line break is quoted, quotes doubled. A value
     * starting with {@code = + - @}, a tab or a carriage return would be read as a formula by a spreadsheet (CSV
     * injection: user names may start with {@code =}, {@code +}, {@code -} or {@code @}), so it is prefixed with a
     * single quote, as OWASP recommends; every other value (dates, {@code N/A}, {@code not_supported}) is unchanged.
     */
    static void field(StringBuilder csv, String value) {
        if (startsLikeAFormula(value)) {
            value = "'" + value;
        }
        boolean quote = false;
        for (int i = 0; i < value.length() && !quote; i++) {
            char c = value.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        if (!quote) {
            csv.append(value);
            return;
        }
        csv.append('"').append(value.replace("\"", "\"\"")).append('"');
    }

    private static boolean startsLikeAFormula(String value) {
        if (value.isEmpty()) {
            return false;
        }
        char c = value.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }

    private void authorize(Caller caller, String action) {
        guard.authorizeAny(caller, action);
    }
}
