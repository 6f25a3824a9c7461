package io.keywarden.examples;

import io.keywarden.sdk.KeywardenClient;
import io.keywarden.sdk.model.AccessKeyLastUsed;
import io.keywarden.sdk.model.AccessKeyMetadata;
import io.keywarden.sdk.model.ListUsersRequest;
import io.keywarden.sdk.model.UserSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Lists the access keys older than N days or unused for M days; exits 1 when there are any. */
@Command(name = "key-age-audit", mixinStandardHelpOptions = true,
        description = {"Lists access keys older than --older-than-days or unused for --unused-days (never-used keys "
                + "count from their creation), user by user. Exits 1 when any key is found, 0 when none. Needs "
                + "credentials that may list users and keys and read last use (an administrator)."})
final class KeyAgeAudit extends ExampleCommand {
    enum Format { table, csv }

    @Option(names = "--older-than-days", paramLabel = "N", defaultValue = "90",
            description = "Flag keys created more than N days ago; default ${DEFAULT-VALUE}.")
    long olderThanDays;

    @Option(names = "--unused-days", paramLabel = "M", defaultValue = "90",
            description = "Flag keys not used for more than M days; default ${DEFAULT-VALUE}.")
    long unusedDays;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table or csv; default ${DEFAULT-VALUE}.")
    Format format;

    @Option(names = "--include-inactive", description = "Check Inactive keys too (by default only Active keys).")
    boolean includeInactive;

    @Option(names = "--path-prefix", paramLabel = "PATH", description = "Only users under this path, e.g. /eng/.")
    String pathPrefix;

    /** One flagged key. */
    record Finding(String userName, AccessKeyMetadata key, long ageDays, AccessKeyLastUsed lastUsed, long idleDays,
                   String reason) {
    }

    @Override
    protected int execute() {
        if (olderThanDays < 0 || unusedDays < 0) {
            throw new IllegalArgumentException("--older-than-days and --unused-days must not be negative");
        }
        Instant now = clock().instant();
        Duration maxAge = Duration.ofDays(olderThanDays);
        Duration maxIdle = Duration.ofDays(unusedDays);
        List<Finding> findings = new ArrayList<>();
        int users = 0;
        int keys = 0;
        try (KeywardenClient client = connection.client(environment())) {
            ListUsersRequest request = ListUsersRequest.builder().pathPrefix(pathPrefix).build();
            for (UserSummary user : client.listAllUsers(request)) {
                users++;
                for (AccessKeyMetadata key : client.listAllAccessKeys(user.userName())) {
                    if (!key.isActive() && !includeInactive) {
                        continue;
                    }
                    keys++;
                    AccessKeyLastUsed lastUsed = client.getAccessKeyLastUsed(key.accessKeyId());
                    Duration age = Duration.between(key.createDate(), now);
                    Instant lastActivity = lastUsed.lastUsedDate().orElse(key.createDate());
                    Duration idle = Duration.between(lastActivity, now);
                    List<String> reasons = new ArrayList<>(2);
                    if (age.compareTo(maxAge) > 0) {
                        reasons.add("older than " + olderThanDays + " days");
                    }
                    if (idle.compareTo(maxIdle) > 0) {
                        reasons.add(lastUsed.wasUsed() ? "unused for more than " + unusedDays + " days"
                                : "never used, created more than " + unusedDays + " days ago");
                    }
                    if (!reasons.isEmpty()) {
                        findings.add(new Finding(user.userName(), key, age.toDays(), lastUsed, idle.toDays(),
                                String.join("; ", reasons)));
                    }
                }
                if (users % 50 == 0) {
                    progress("checked " + users + " users, " + keys + " keys, " + findings.size() + " found so far");
                }
            }
        }
        progress("checked " + users + " users and " + keys + " keys: " + findings.size() + " found");
        if (format == Format.csv) {
            printCsv(out(), findings);
        } else {
            printTable(out(), findings);
        }
        return findings.isEmpty() ? OK : FOUND;
    }

    private static void printCsv(PrintWriter out, List<Finding> findings) {
        out.println("user,access_key_id,status,created,age_days,last_used,last_used_service,last_used_region,"
                + "idle_days,reason");
        for (Finding f : findings) {
            out.println(String.join(",", csv(f.userName()), f.key().accessKeyId(), f.key().status().wireName(),
                    f.key().createDate().toString(), Long.toString(f.ageDays()),
                    f.lastUsed().lastUsedDate().map(Instant::toString).orElse("N/A"),
                    csv(f.lastUsed().serviceName()), csv(f.lastUsed().region()), Long.toString(f.idleDays()),
                    csv(f.reason())));
        }
    }

    private static void printTable(PrintWriter out, List<Finding> findings) {
        if (findings.isEmpty()) {
            out.println("no keys older than the limits");
            return;
        }
        String row = "%-24s %-20s %-8s %8s  %-24s %-16s %s%n";
        out.printf(row, "USER", "ACCESS KEY", "STATUS", "AGE (d)", "LAST USED", "WHERE", "WHY");
        for (Finding f : findings) {
            out.printf(row, f.userName(), f.key().accessKeyId(), f.key().status().wireName(), f.ageDays(),
                    f.lastUsed().lastUsedDate().map(Instant::toString).orElse("never"),
                    f.lastUsed().wasUsed() ? f.lastUsed().serviceName() + "/" + f.lastUsed().region() : "-",
                    f.reason());
        }
    }

    /** A CSV field, quoted when it holds a comma, quote or line break. */
    static String csv(String value) {
        if (value == null) {
            return "";
        }
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }
}
