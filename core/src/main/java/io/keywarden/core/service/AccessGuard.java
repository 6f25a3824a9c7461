package io.keywarden.core.service;

import io.keywarden.core.auth.Caller;
import io.keywarden.core.authz.AccessDenied;
import io.keywarden.core.authz.AuthorizationRequest;
import io.keywarden.core.authz.AuthorizationResult;
import io.keywarden.core.authz.Authorizer;
import io.keywarden.core.authz.Decision;
import io.keywarden.core.error.KeywardenException;
import io.keywarden.core.identity.AccountId;
import io.keywarden.core.identity.Arns;
import io.keywarden.core.identity.User;
import io.keywarden.core.identity.UserName;
import io.keywarden.core.identity.UserPath;
import io.keywarden.core.port.UserStore;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Authorisation as the use cases need it: one place that asks the {@link Authorizer}, turns a denial into AWS's
 * {@code AccessDenied}, and resolves the user an operation names.
 */
public final class AccessGuard {
    private final AccountId account;
    private final UserStore users;
    private final Authorizer authorizer;

    public AccessGuard(AccountId account, UserStore users, Authorizer authorizer) {
        this.account = Objects.requireNonNull(account, "account");
        this.users = Objects.requireNonNull(users, "users");
        this.authorizer = Objects.requireNonNull(authorizer, "authorizer");
    }

    public AccountId account() {
        return account;
    }

    public Authorizer authorizer() {
        return authorizer;
    }

    /** Authorises or throws AccessDenied naming the resource as {@code resourceDescription}. */
    public AuthorizationResult authorize(Caller caller, String action, String resourceArn, String resourceDescription) {
        return decide(caller, action, resourceArn,
                decision -> AccessDenied.of(caller.principal().arn(), action, resourceDescription, decision));
    }

    /**
     * Authorises like {@link #authorize}, but a denial is {@link AccessDenied#undisclosed}: it names
     * {@code resourceDescription} (what the caller asked about) and no reason, so it reads the same whatever decided it.
     */
    public AuthorizationResult authorizeUndisclosed(Caller caller, String action, String resourceArn,
                                                    String resourceDescription) {
        return decide(caller, action, resourceArn,
                decision -> AccessDenied.undisclosed(caller.principal().arn(), action, resourceDescription));
    }

    /** Asks the authorizer; a denial throws what {@code denial} makes of the decision. */
    private AuthorizationResult decide(Caller caller, String action, String resourceArn,
                                       Function<Decision, KeywardenException> denial) {
        AuthorizationResult result = authorizer.authorize(new AuthorizationRequest(caller, action, resourceArn));
        if (!result.allowed()) {
            throw denial.apply(result.decision());
        }
        return result;
    }

    /** Authorises an action whose resource is {@code *}. */
    public AuthorizationResult authorizeAny(Caller caller, String action) {
        return authorize(caller, action, "*", "*");
    }

    /**
     * Looks up a named user and authorises the action on it. So as not to reveal which users exist, the action is
     * authorised first, on the ARN the user would have under path {@code /} when it does not exist, and a denial names
     * the user as the caller spelled it, never as it is stored: names are unique without regard to case, so echoing
     * the stored spelling ({@code alice} for a request naming {@code ALICE}) would tell a caller who may not read the
     * user that it exists, and how it is written.
     */
    public User requireUser(Caller caller, String action, String userName) {
        UserName name = UserName.of(userName);
        Optional<User> user = users.findByName(account, name);
        String arn = user.map(User::arn).orElseGet(() -> Arns.user(account, UserPath.ROOT, name));
        authorize(caller, action, arn, "user " + name.value());
        return user.orElseThrow(() -> KeywardenException.noSuchUser(userName));
    }
}
