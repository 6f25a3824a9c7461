package io.keywarden.server.audit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import io.keywarden.core.audit.AuditRecord;
import io.keywarden.core.audit.EventJson;
import io.keywarden.core.operation.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Keeps a flood of refused requests from one source from growing the audit trail per request (issue 14): per source
 * address and error code, the first {@code perWindow} refusals of a window are recorded as events (the caller's
 * {@link #admit} answers true); the rest are only counted, and once the window is over one summary event per source
 * says how many there were, between which times, by error code ({@value #SUMMARY_EVENT}). Nothing is dropped
 * silently: every refusal is either an event or counted in a summary.
 *
 * <p>Memory is bounded by entries (Caffeine, at most {@code maxSources} sources, each with at most
 * {@value #MAX_CODES} error codes): a source evicted to make room has its summary written at once, its window cut
 * short. {@link #flush} writes the summaries of the windows that are over (a scheduled task calls it) and forgets
 * those sources; {@link #flushAll} writes every pending summary (shutdown).
 */
public final class AuthFailureAggregator {
    /** The event name of a summary (eventSource {@code keywarden}). */
    public static final String SUMMARY_EVENT = "AuthenticationFailureSummary";
    /** Error codes counted apart per source; others are counted under {@value #OTHER}. */
    static final int MAX_CODES = 16;
    static final String OTHER = "Other";
    private static final String UNKNOWN_SOURCE = "unknown";

    private final int perWindow;
    private final Duration window;
    private final Clock clock;
    private final String accountId;
    private final Consumer<AuditRecord> sink;
    private final Supplier<String> ids;
    private final Cache<String, Source> sources;

    /**
     * @param perWindow  refusals recorded as events per source, error code and window (0: only summaries)
     * @param window     how long a window lasts (from a source's first refusal in it)
     * @param maxSources sources tracked at once
     * @param sink       where summary events go (the audit writer, not waited for)
     * @param ids        new event and request IDs
     */
    public AuthFailureAggregator(int perWindow, Duration window, long maxSources, Clock clock, String accountId,
                                 Consumer<AuditRecord> sink, Supplier<String> ids) {
        if (perWindow < 0) {
            throw new IllegalArgumentException("perWindow must not be negative, got " + perWindow);
        }
        if (window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("window must be positive, got " + window);
        }
        this.perWindow = perWindow;
        this.window = window;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.accountId = Objects.requireNonNull(accountId, "accountId");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.sources = Caffeine.newBuilder().maximumSize(maxSources).executor(Runnable::run)
                .removalListener((String address, Source source, RemovalCause cause) -> {
                    if (cause.wasEvicted() && source != null) {
                        summaryOf(source).ifPresent(this.sink);
                    }
                }).build();
    }

    /**
     * Counts one refused request from {@code sourceIp} with {@code errorCode}: true when it is to be recorded as its
     * own event, false when it is counted into the source's summary instead.
     */
    public boolean admit(String sourceIp, String errorCode) {
        Instant now = clock.instant();
        String address = sourceIp == null || sourceIp.isBlank() ? UNKNOWN_SOURCE : sourceIp;
        String code = errorCode == null ? OTHER : errorCode;
        List<AuditRecord> ended = new ArrayList<>(1);
        boolean[] admitted = new boolean[1];
        sources.asMap().compute(address, (a, s) -> {
            Source source = s;
            if (source != null && !now.isBefore(source.windowStart.plus(window))) {
                summaryOf(source).ifPresent(ended::add);
                source = null;
            }
            if (source == null) {
                source = new Source(a, now);
            }
            admitted[0] = source.count(code, now, perWindow);
            return source;
        });
        ended.forEach(sink);
        return admitted[0];
    }

    /** Writes the summaries of windows that are over and forgets their sources. */
    public void flush() {
        Instant now = clock.instant();
        for (String address : List.copyOf(sources.asMap().keySet())) {
            List<AuditRecord> ended = new ArrayList<>(1);
            sources.asMap().computeIfPresent(address, (a, s) -> {
                if (now.isBefore(s.windowStart.plus(window))) {
                    return s;
                }
                summaryOf(s).ifPresent(ended::add);
                return null;
            });
            ended.forEach(sink);
        }
    }

    /** Writes every pending summary, windows cut short (shutdown, tests). */
    public void flushAll() {
        for (String address : List.copyOf(sources.asMap().keySet())) {
            List<AuditRecord> ended = new ArrayList<>(1);
            sources.asMap().computeIfPresent(address, (a, s) -> {
                summaryOf(s).ifPresent(ended::add);
                return null;
            });
            ended.forEach(sink);
        }
    }

    /** Sources tracked now. */
    public long trackedSources() {
        sources.cleanUp();
        return sources.estimatedSize();
    }

    private java.util.Optional<AuditRecord> summaryOf(Source s) {
        if (s.suppressed == 0) {
            return java.util.Optional.empty();
        }
        Summary summary = new Summary(s.suppressed + " further authentication failures from " + s.address
                + " between " + s.firstSuppressed + " and " + s.lastSuppressed, s.address, s.suppressed,
                new TreeMap<>(s.suppressedByCode), s.firstSuppressed.toString(), s.lastSuppressed.toString());
        return java.util.Optional.of(new AuditRecord(ids.get(), s.lastSuppressed, accountId,
                Service.KEYWARDEN.eventSource(), SUMMARY_EVENT, true, "Unknown", null, null, null, null, s.address,
                null, EventJson.write(summary), null, null, null, ids.get(), 0));
    }

    /**
     * What a summary event's {@code requestParameters} hold: a sentence, the source, how many refusals it stands for,
     * their count by error code, and the times of the first and the last of them.
     */
    record Summary(String summary, String sourceIpAddress, long failures, Map<String, Long> byErrorCode,
                   String firstFailure, String lastFailure) {
    }

    /** One source's window; changed only inside the cache's atomic compute. */
    private static final class Source {
        final String address;
        final Instant windowStart;
        final Map<String, Integer> recorded = new TreeMap<>();
        final Map<String, Long> suppressedByCode = new TreeMap<>();
        long suppressed;
        Instant firstSuppressed;
        Instant lastSuppressed;

        Source(String address, Instant windowStart) {
            this.address = address;
            this.windowStart = windowStart;
        }

        boolean count(String errorCode, Instant now, int perWindow) {
            String code = recorded.containsKey(errorCode) || recorded.size() < MAX_CODES ? errorCode : OTHER;
            int n = recorded.getOrDefault(code, 0);
            if (n < perWindow) {
                recorded.put(code, n + 1);
                return true;
            }
            recorded.putIfAbsent(code, n);
            suppressed++;
            suppressedByCode.merge(code, 1L, Long::sum);
            if (firstSuppressed == null) {
                firstSuppressed = now;
            }
            lastSuppressed = now;
            return false;
        }
    }
}
