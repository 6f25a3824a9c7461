package io.keywarden.core.signin;

import io.keywarden.core.audit.AuditRecord;
import io.keywarden.core.auth.Caller;
import io.keywarden.core.identity.AccountId;
import io.keywarden.core.identity.Principal;
import io.keywarden.core.session.SessionKind;
import io.keywarden.core.session.SessionTokens;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The console's sign-in: turns a password (checked by {@link PasswordSignIn}) or a request signed with a long-term
 * access key into a console session ({@link SessionKind#CONSOLE}): temporary credentials of the principal itself,
 * 12 hours for an IAM user and 1 hour for the root user unless configured otherwise. Unlike GetSessionToken
 * credentials they may call IAM ({@link io.keywarden.core.permissions.SessionRules} leaves them to the policies).
 *
 * <p>Every refusal is one {@link Failed} whose reason is for the decision log only; the caller is told
 * {@link #GENERIC_FAILURE} whatever happened. {@link #event} makes the CloudTrail-shaped {@code ConsoleLogin} event.
 */
public final class ConsoleSignIn {
    /** What the AWS console answers every failed sign-in with. */
    public static final String GENERIC_FAILURE = "Your authentication information is incorrect. Please try again.";
    /** CloudTrail's event source and name of sign-in events. */
    public static final String EVENT_SOURCE = "signin.amazonaws.com";
    public static final String EVENT_NAME = "ConsoleLogin";
    /** Keywarden's event of a console sign-out (AWS records none; Keywarden revokes the session, so it records it). */
    public static final String SIGN_OUT_EVENT_NAME = "ConsoleSignOut";
    /** CloudTrail's {@code errorMessage} of a failed ConsoleLogin. */
    public static final String FAILED_AUTHENTICATION = "Failed authentication";
    public static final Duration MIN_DURATION = Duration.ofMinutes(15);
    public static final Duration MAX_DURATION = Duration.ofHours(36);
    private static final int MAX_INPUT = 256;

    /** How long console sessions last. */
    public record Durations(Duration user, Duration root) {
        public static final Durations DEFAULT = new Durations(Duration.ofHours(12), Duration.ofHours(1));

        public Durations {
            check(user, "user");
            check(root, "root");
        }

        private static void check(Duration d, String who) {
            Objects.requireNonNull(d, who);
            if (d.compareTo(MIN_DURATION) < 0 || d.compareTo(MAX_DURATION) > 0) {
                throw new IllegalArgumentException("the console session duration of " + who + " must be between 15m"
                        + " and 36h, not " + d);
            }
        }
    }

    /** What a sign-in came to. */
    public sealed interface Attempt permits SignedIn, Failed, Throttled {
    }

    /** A console session was issued. */
    public record SignedIn(SessionTokens.Issued issued, boolean passwordResetRequired) implements Attempt {
        public SignedIn {
            Objects.requireNonNull(issued, "issued");
        }
    }

    /** Refused; {@code reason} is for the decision log only. {@code claimedKeyId} is null for a password attempt. */
    public record Failed(String reason, String claimedKeyId) implements Attempt {
        public Failed {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Too many attempts: try again after {@code retryAfter}; {@code reason} for the decision log only. */
    public record Throttled(Duration retryAfter, String reason) implements Attempt {
        public Throttled {
            Objects.requireNonNull(retryAfter, "retryAfter");
            Objects.requireNonNull(reason, "reason");
        }
    }

    private final PasswordSignIn passwords;
    private final SessionTokens tokens;
    private final Durations durations;

    public ConsoleSignIn(PasswordSignIn passwords, SessionTokens tokens, Durations durations) {
        this.passwords = Objects.requireNonNull(passwords, "passwords");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.durations = Objects.requireNonNull(durations, "durations");
    }

    public Durations durations() {
        return durations;
    }

    /**
     * Signs in with a password. {@code userName} null or blank is the root user. Clears {@code password} before it
     * returns.
     */
    public Attempt withPassword(String accountIdOrAlias, String userName, char[] password, String sourceAddress) {
        try {
            if (accountIdOrAlias == null || accountIdOrAlias.isBlank() || accountIdOrAlias.length() > MAX_INPUT) {
                return new Failed("no usable account ID or alias", null);
            }
            if (userName != null && userName.length() > MAX_INPUT) {
                return new Failed("user name too long", null);
            }
            if (password == null || password.length == 0) {
                return new Failed("no password", null);
            }
            PasswordSignIn.Outcome outcome = passwords.signIn(accountIdOrAlias.strip(),
                    userName == null || userName.isBlank() ? null : userName.strip(), password, sourceAddress);
            if (outcome instanceof PasswordSignIn.SignedIn s) {
                return issue(s.principal(), s.passwordResetRequired(), null);
            }
            if (outcome instanceof PasswordSignIn.Throttled t) {
                return new Throttled(t.retryAfter(), t.reason());
            }
            return new Failed(((PasswordSignIn.Refused) outcome).reason(), null);
        } finally {
            if (password != null) {
                Arrays.fill(password, '\0');
            }
        }
    }

    /** Signs in the principal of a request signed with a long-term access key (the browser then forgets the secret). */
    public Attempt withAccessKey(Caller caller) {
        if (caller.temporary()) {
            return new Failed("temporary credentials cannot sign in to the console", caller.accessKeyId());
        }
        return issue(caller.principal(), false, caller.accessKeyId());
    }

    private Attempt issue(Principal principal, boolean resetRequired, String keyId) {
        if (!principal.isRoot() && principal.user().isEmpty()) {
            return new Failed("a " + principal.type() + " cannot sign in to the console", keyId);
        }
        if (!principal.accountId().equals(tokens.account())) {
            return new Failed("principal of another account", keyId);
        }
        Duration d = principal.isRoot() ? durations.root() : durations.user();
        SessionTokens.Issued issued = tokens.issue(SessionKind.CONSOLE, principal, d, null, null, List.of(),
                principal.arn(), null);
        return new SignedIn(issued, resetRequired);
    }

    /**
     * The {@code ConsoleLogin} event of an attempt, as CloudTrail records it: event source
     * {@code signin.amazonaws.com}, response elements {@code {"ConsoleLogin":"Success"}} or {@code "Failure"}, error
     * message {@code Failed authentication}. Neither the password nor the refusal's reason is in it.
     */
    public static AuditRecord event(Attempt attempt, AccountId account, String eventId, Instant time,
                                    String requestId, String sourceIp, String userAgent) {
        if (attempt instanceof SignedIn s) {
            Principal p = s.issued().session().principal();
            return new AuditRecord(eventId, time, account.value(), EVENT_SOURCE, EVENT_NAME, false,
                    p.identityType(), p.arn(), p.userId(), p.user().map(u -> u.userName().value()).orElse(null),
                    s.issued().session().accessKeyId(), sourceIp, userAgent, null,
                    "{\"ConsoleLogin\":\"Success\"}", null, null, requestId, 200);
        }
        if (attempt instanceof Failed f) {
            return new AuditRecord(eventId, time, account.value(), EVENT_SOURCE, EVENT_NAME, false,
                    "Unknown", null, null, null, f.claimedKeyId(), sourceIp, userAgent, null,
                    "{\"ConsoleLogin\":\"Failure\"}", "AccessDenied", FAILED_AUTHENTICATION, requestId, 403);
        }
        return new AuditRecord(eventId, time, account.value(), EVENT_SOURCE, EVENT_NAME, false,
                "Unknown", null, null, null, null, sourceIp, userAgent, null,
                "{\"ConsoleLogin\":\"Failure\"}", "Throttling", FAILED_AUTHENTICATION, requestId, 429);
    }

    /** The event of a console sign-out: the session's key ID, revoked from then on. */
    public static AuditRecord signOutEvent(Caller caller, AccountId account, String eventId, Instant time,
                                           String requestId, int status, String errorCode, String errorMessage) {
        Principal p = caller.principal();
        return new AuditRecord(eventId, time, account.value(), EVENT_SOURCE, SIGN_OUT_EVENT_NAME, false,
                p.identityType(), p.arn(), p.userId(), p.user().map(u -> u.userName().value()).orElse(null),
                caller.accessKeyId(), caller.sourceIp(), caller.userAgent(), null, null, errorCode, errorMessage,
                requestId, status);
    }
}
