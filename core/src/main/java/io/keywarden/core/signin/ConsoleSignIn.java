package io.keywarden.core.signin;

import io.keywarden.core.auth.Caller;
import io.keywarden.core.error.ErrorCode;
import io.keywarden.core.error.KeywardenException;
import io.keywarden.core.error.SignInRefused;
import io.keywarden.core.identity.Principal;
import io.keywarden.core.session.Session;
import io.keywarden.core.session.SessionKind;
import io.keywarden.core.session.SessionRevocations;
import io.keywarden.core.session.SessionTokens;

import java.time.Duration;
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
 * {@link #GENERIC_FAILURE} whatever happened. {@link #signIn} and {@link #signOut} are the use cases of the catalogue's
 * {@code ConsoleLogin} and {@code ConsoleSignOut}, whose events the operation invoker writes like every other.
 */
public final class ConsoleSignIn {
    /** What the AWS console answers every failed sign-in with. */
    public static final String GENERIC_FAILURE = SignInRefused.GENERIC_FAILURE;
    /** CloudTrail's event source and name of sign-in events. */
    public static final String EVENT_SOURCE = "signin.amazonaws.com";
    public static final String EVENT_NAME = "ConsoleLogin";
    /** Keywarden's event of a console sign-out (AWS records none; Keywarden revokes the session, so it records it). */
    public static final String SIGN_OUT_EVENT_NAME = "ConsoleSignOut";
    /** CloudTrail's {@code errorMessage} of a failed ConsoleLogin. */
    public static final String FAILED_AUTHENTICATION = SignInRefused.EVENT_MESSAGE;
    /** The answer to a sign-out signed by anything but a console session. */
    public static final String NOT_A_CONSOLE_SESSION = "only a console session can sign out";
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
    private final SessionRevocations revocations;

    public ConsoleSignIn(PasswordSignIn passwords, SessionTokens tokens, Durations durations,
                         SessionRevocations revocations) {
        this.passwords = Objects.requireNonNull(passwords, "passwords");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.durations = Objects.requireNonNull(durations, "durations");
        this.revocations = Objects.requireNonNull(revocations, "revocations");
    }

    /** One that cannot sign out ({@link SessionRevocations#NONE}): for tests and tools. */
    public ConsoleSignIn(PasswordSignIn passwords, SessionTokens tokens, Durations durations) {
        this(passwords, tokens, durations, SessionRevocations.NONE);
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
     * The catalogue's {@code ConsoleLogin}: signs in the principal of a request signed with a long-term access key
     * ({@code signedBy}), or else with the password. Every refusal is a {@link SignInRefused} carrying the reason for
     * the decision log: {@code signatureRefused} (the request was signed, but its signature did not hold) is one.
     * Clears {@code password} before it returns.
     */
    public SignedIn signIn(Caller signedBy, String signatureRefused, String accountIdOrAlias, String userName,
                           char[] password, String sourceAddress) {
        Attempt attempt;
        if (signatureRefused != null) {
            clear(password);
            attempt = new Failed("access key refused: " + signatureRefused, null);
        } else if (signedBy != null) {
            clear(password);
            attempt = withAccessKey(signedBy);
        } else if (password == null) {
            attempt = new Failed("no password given", null);
        } else {
            attempt = withPassword(accountIdOrAlias, userName, password, sourceAddress);
        }
        if (attempt instanceof SignedIn s) {
            return s;
        }
        if (attempt instanceof Throttled t) {
            throw SignInRefused.throttled(t.retryAfter(), t.reason());
        }
        throw SignInRefused.failed(((Failed) attempt).reason());
    }

    /**
     * The catalogue's {@code ConsoleSignOut}: revokes the console session that signs the request, on every node,
     * until it would have expired. Any other credentials are {@code AccessDenied}.
     */
    public void signOut(Caller caller) {
        Session session = caller.session();
        if (session == null || session.kind() != SessionKind.CONSOLE) {
            throw KeywardenException.of(ErrorCode.ACCESS_DENIED, NOT_A_CONSOLE_SESSION);
        }
        revocations.revoke(session);
    }

    private static void clear(char[] password) {
        if (password != null) {
            Arrays.fill(password, '\0');
        }
    }
}
