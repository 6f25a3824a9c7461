package io.keywarden.core.error;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A refused sign-in: the caller is told {@link #GENERIC_FAILURE} whatever happened ({@code AccessDenied},
 * 403), or, after too many attempts, the same message as {@code Throttling} with HTTP 429 and when to try again. The
 * {@link #reason()} is for the decision log only: never answered, never in the audit trail, whose event says
 * {@link #EVENT_MESSAGE} as CloudTrail does.
 */
public final class SignInRefused extends KeywardenException {
    /** What the AWS console answers every failed sign-in with. */
    public static final String GENERIC_FAILURE = "Your authentication information is incorrect. Please try again.";
    /** CloudTrail's {@code errorMessage} of a failed {@code ConsoleLogin}. */
    public static final String EVENT_MESSAGE = "Failed authentication";
    public static final int TOO_MANY_REQUESTS = 429;

    private final transient String reason;
    private final transient Duration retryAfter;

    private SignInRefused(ErrorCode code, String reason, Duration retryAfter) {
        super(code, GENERIC_FAILURE);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.retryAfter = retryAfter;
    }

    /** Refused (a wrong password, an unknown user, a refused signature, a lock-out, ...). */
    public static SignInRefused failed(String reason) {
        return new SignInRefused(ErrorCode.ACCESS_DENIED, reason, null);
    }

    /** Too many attempts: try again after {@code retryAfter}. */
    public static SignInRefused throttled(Duration retryAfter, String reason) {
        return new SignInRefused(ErrorCode.THROTTLING, reason, Objects.requireNonNull(retryAfter, "retryAfter"));
    }

    /** Why, for the decision log only. */
    public String reason() {
        return reason;
    }

    /** When a throttled attempt may be retried; empty when it was refused. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** 429 when throttled, 403 otherwise. */
    @Override
    public int httpStatus() {
        return retryAfter != null ? TOO_MANY_REQUESTS : super.httpStatus();
    }
}
