package io.keywarden.sdk.model;

import java.util.Objects;
import java.util.Optional;

/**
 * The answer to GenerateCredentialReport.
 *
 * @param state       {@code STARTED} when a new report was built, {@code COMPLETE} when a recent one is kept (the
 *                    server reuses a report for {@code keywarden.credential-report.max-age}); AWS also has
 *                    {@code INPROGRESS}
 * @param description why a report is being built, {@code null} when none is; prefer {@link #describe()}
 */
public record CredentialReportGeneration(String state, String description) {
    public static final String STARTED = "STARTED";
    public static final String IN_PROGRESS = "INPROGRESS";
    public static final String COMPLETE = "COMPLETE";

    public CredentialReportGeneration {
        Objects.requireNonNull(state, "state");
    }

    /** Whether a report can be fetched now (Keywarden builds it before answering, so always after a generation). */
    public boolean isReady() {
        return !IN_PROGRESS.equals(state);
    }

    public Optional<String> describe() {
        return Optional.ofNullable(description);
    }
}
