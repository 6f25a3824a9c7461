package io.keywarden.sdk.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The account's credential report (GetCredentialReport): AWS's CSV as the server sent it, and its rows parsed.
 *
 * @param generatedTime when the report was built
 * @param csv           the CSV text, header line first, in AWS's columns
 * @param rows          one row per user, the root user ({@code <root_account>}) first
 */
public record CredentialReport(Instant generatedTime, String csv, List<CredentialReportRow> rows) {
    public CredentialReport {
        Objects.requireNonNull(generatedTime, "generatedTime");
        Objects.requireNonNull(csv, "csv");
        rows = List.copyOf(rows);
    }

    /** The row of a user by name (exactly as written in the report); {@code <root_account>} for the root user. */
    public Optional<CredentialReportRow> row(String user) {
        return rows.stream().filter(r -> r.user().equals(user)).findFirst();
    }

    @Override
    public String toString() {
        return "CredentialReport[generatedTime=" + generatedTime + ", rows=" + rows.size() + "]";
    }
}
