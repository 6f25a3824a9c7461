package io.keywarden.examples;

import io.keywarden.sdk.KeywardenClient;
import io.keywarden.sdk.model.AccessKeyLastUsed;
import io.keywarden.sdk.model.AccessKeyMetadata;
import io.keywarden.sdk.model.KeyHygieneKey;
import io.keywarden.sdk.model.KeyHygieneReport;
import io.keywarden.sdk.model.KeyHygieneSummary;
import io.keywarden.sdk.model.ListUsersRequest;
import io.keywarden.sdk.model.UserSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Lists the access keys older than N days or unused for M days; or, with {@code --policy-report}, the keys the
 * server's key expiry policy acts on now or within D days, read from the server's key hygiene report. Exits 1 when
 * there are any.
 */
@Command(name = "key-age-audit", mixinStandardHelpOptions = true,
        description = {"Lists access keys older than --older-than-days or unused for --unused-days (never-used keys "
                + "count from their creation), user by user. Exits 1 when any key is found, 0 when none. Needs "
                + "credentials that may list users and keys and read last use (an administrator).",
                "With --policy-report, reads the server's key hygiene report instead (GetKeyHygieneReport, one call "
                + "per 1000 keys) and lists the keys its expiry policy warns about, deactivates or deletes now or "
                + "within --within-days, with what it does next, when and why."})
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

    @Option(names = "--policy-report", description = "List what the server's key expiry policy does next, from its"
            + " key hygiene report (needs keywarden:GetKeyHygieneReport).")
    boolean policyReport;

    @Option(names = "--within-days", paramLabel = "D", defaultValue = "0",
            description = "With --policy-report: also keys the policy acts on within D days; default ${DEFAULT-VALUE}"
                    + " (only keys due or overdue now).")
    long withinDays;

    /** One flagged key. */
    record Finding(String userName, AccessKeyMetadata key, long ageDays, AccessKeyLastUsed lastUsed, long idleDays,
                   String reason) {
    }

    @Override
    protected int execute() {
        if (policyReport) {
            return executePolicyReport();
        }
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

    /** The keys the server's policy acts on now or within {@code --within-days}, from its hygiene report. */
    private int executePolicyReport() {
        if (withinDays < 0) {
            throw new IllegalArgumentException("--within-days must not be negative");
        }
        Instant horizon = clock().instant().plus(Duration.ofDays(withinDays));
        List<KeyHygieneKey> found = new ArrayList<>();
        KeyHygieneReport first = null;
        int keys = 0;
        try (KeywardenClient client = connection.client(environment())) {
            String marker = null;
            do {
                KeyHygieneReport page = client.getKeyHygieneReport(marker, 1000);
                if (first == null) {
                    first = page;
                }
                for (KeyHygieneKey k : page.keys().items()) {
                    keys++;
                    boolean acting = k.nextAction() != null && k.nextActionDate() != null
                            && !k.nextActionDate().isAfter(horizon);
                    if (!k.exempt() && (acting || !"ok".equals(k.state()))) {
                        found.add(k);
                    }
                }
                marker = page.keys().isTruncated() ? page.keys().marker() : null;
            } while (marker != null);
        }
        KeyHygieneSummary s = first.summary();
        progress(first.policy().map(p -> "expiry policy" + (p.dryRun() ? " (dry run: it only reports)" : "")
                + " set " + p.updateDate()).orElse("no expiry policy: ages only") + "; " + keys + " keys: "
                + s.due() + " due, " + s.overdue() + " overdue, " + s.exempt() + " exempt; " + found.size()
                + " listed");
        PrintWriter out = out();
        if (format == Format.csv) {
            out.println("user,access_key_id,status,age_days,unused_days,state,next_action,next_action_date,rule,"
                    + "threshold_days,reason,note");
            for (KeyHygieneKey k : found) {
                out.println(String.join(",", csv(owner(k)), k.accessKeyId(), k.status().wireName(),
                        Long.toString(k.ageDays()), Long.toString(k.unusedDays()), k.state(), csv(k.nextAction()),
                        k.nextActionDate() == null ? "" : k.nextActionDate().toString(), csv(k.rule()),
                        k.thresholdDays() == null ? "" : k.thresholdDays().toString(), csv(k.reason()),
                        csv(k.note())));
            }
        } else if (found.isEmpty()) {
            out.println("the expiry policy acts on no key " + (withinDays == 0 ? "now" : "within " + withinDays
                    + " days"));
        } else {
            String row = "%-24s %-20s %-8s %8s  %-8s %-10s %-24s %s%n";
            out.printf(row, "USER", "ACCESS KEY", "STATUS", "AGE (d)", "STATE", "NEXT", "WHEN", "WHY");
            for (KeyHygieneKey k : found) {
                out.printf(row, owner(k), k.accessKeyId(), k.status().wireName(), k.ageDays(), k.state(),
                        k.nextAction() == null ? "-" : k.nextAction(),
                        k.nextActionDate() == null ? "-" : k.nextActionDate().toString(),
                        k.reason() != null ? k.reason() : k.note() != null ? k.note() : "");
            }
        }
        return found.isEmpty() ? OK : FOUND;
    }

    private static String owner(KeyHygieneKey k) {
        return k.userName() != null ? k.userName() : "(root)";
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
