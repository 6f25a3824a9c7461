package io.keywarden.core.service;

import io.keywarden.core.auth.Caller;
import io.keywarden.core.error.ErrorCode;
import io.keywarden.core.error.KeywardenException;
import io.keywarden.core.identity.AccountId;
import io.keywarden.core.identity.User;
import io.keywarden.core.identity.UserName;
import io.keywarden.core.keys.AccessKey;
import io.keywarden.core.keys.AccessKeyId;
import io.keywarden.core.keys.LastUsed;
import io.keywarden.core.operation.Catalogue;
import io.keywarden.core.password.LoginProfile;
import io.keywarden.core.port.AccessKeyStore;
import io.keywarden.core.port.LoginProfileStore;
import io.keywarden.core.port.Page;
import io.keywarden.core.port.PageRequest;
import io.keywarden.core.port.StoredAccessKey;
import io.keywarden.core.port.UserStore;
import io.keywarden.core.port.UserSummaryStore;
import io.keywarden.core.port.UserSummaryStore.Entry;
import io.keywarden.core.port.UserSummaryStore.Position;
import io.keywarden.core.port.UserSummaryStore.Sort;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * ListUserSummaries, the console's Users table: a page of users in a chosen order with their keys, key age, last
 * key use, password age and last console sign-in, in a fixed number of store reads per page (the ordered page, the
 * page's keys, the page's login profiles) whatever the page size or the number of users.
 *
 * <p>It reveals what ListUsers, ListAccessKeys, GetAccessKeyLastUsed and GetLoginProfile reveal, so besides its own
 * action it requires each of those on every user ({@code arn:aws:iam::{account}:user/*}); a policy that grants them
 * only on some users does not grant the listing (fail closed).
 */
public final class UserSummaryService {
    /** The actions a caller needs, its own first. */
    public static final List<String> REQUIRED_ACTIONS = List.of(Catalogue.LIST_USER_SUMMARIES.action(),
            "iam:ListUsers", "iam:ListAccessKeys", "iam:GetAccessKeyLastUsed", "iam:GetLoginProfile");
    /** A search is a user-name prefix (the characters of a user name) or a whole access key ID. */
    private static final Pattern NAME_PREFIX = Pattern.compile("[\\w+=,.@-]{1," + UserName.MAX_LENGTH + "}");
    private static final String SEP = "|";

    private final AccountId account;
    private final AccessGuard guard;
    private final UserStore users;
    private final AccessKeyStore keys;
    private final LoginProfileStore profiles;
    private final UserSummaryStore summaries;
    private final Clock clock;

    public UserSummaryService(AccessGuard guard, UserStore users, AccessKeyStore keys, LoginProfileStore profiles,
                              UserSummaryStore summaries, Clock clock) {
        this.guard = Objects.requireNonNull(guard, "guard");
        this.account = guard.account();
        this.users = Objects.requireNonNull(users, "users");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.profiles = Objects.requireNonNull(profiles, "profiles");
        this.summaries = Objects.requireNonNull(summaries, "summaries");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * One page.
     *
     * @param sort       the order ({@link Sort#wireName()}); null for {@code userName}
     * @param order      {@code asc} (default) or {@code desc}
     * @param search     a user-name prefix (case-insensitive) or an access key ID (its owner); null or blank for all
     */
    public Page<UserOverview> list(Caller caller, Sort sort, boolean descending, String search, PageRequest page) {
        Objects.requireNonNull(sort, "sort");
        String arn = "arn:aws:iam::" + account.value() + ":user/*";
        for (String action : REQUIRED_ACTIONS) {
            guard.authorize(caller, action, arn, "*");
        }
        String q = search == null ? "" : search.strip();
        if (AccessKeyId.isWellFormed(q)) {
            return Page.complete(overviews(owner(q).stream().toList()));
        }
        if (!q.isEmpty() && !NAME_PREFIX.matcher(q).matches()) {
            return Page.complete(List.of()); // no user name starts with it
        }
        Position after = position(page, sort, descending);
        List<Entry> found = summaries.page(account, new UserSummaryStore.Query(sort, descending,
                q.isEmpty() ? null : q.toLowerCase(Locale.ROOT), after, page.maxItems() + 1));
        boolean truncated = found.size() > page.maxItems();
        List<Entry> shown = truncated ? found.subList(0, page.maxItems()) : found;
        String next = null;
        if (truncated) {
            Entry last = shown.get(shown.size() - 1);
            next = PageRequest.markerFor(sort.wireName() + SEP + (descending ? "desc" : "asc") + SEP
                    + (last.sortValue() == null ? "-" : last.sortValue().toString()) + SEP
                    + last.user().userName().key());
        }
        return Page.of(overviews(shown.stream().map(Entry::user).toList()), next);
    }

    /** The user owning a key ID, if a user (not the root user) owns a live key of that ID in this account. */
    private Optional<User> owner(String keyId) {
        return keys.find(AccessKeyId.of(keyId)).map(StoredAccessKey::key)
                .filter(k -> k.accountId().equals(account) && !k.owner().isRoot())
                .flatMap(k -> users.findById(account, k.owner().id()));
    }

    /** The marker's position; a marker of another order (or not ours) is refused. */
    private static Position position(PageRequest page, Sort sort, boolean descending) {
        String key = page.afterKey();
        if (key == null) {
            return null;
        }
        String[] parts = key.split(Pattern.quote(SEP), -1);
        if (parts.length != 4 || !parts[0].equals(sort.wireName())
                || !parts[1].equals(descending ? "desc" : "asc") || parts[3].isEmpty()) {
            throw KeywardenException.of(ErrorCode.VALIDATION_ERROR, "invalid marker (it belongs to another order"
                    + " or listing)");
        }
        Instant value = null;
        if (sort.hasValue()) {
            try {
                value = Instant.parse(parts[2]);
            } catch (DateTimeParseException e) {
                throw KeywardenException.of(ErrorCode.VALIDATION_ERROR, "invalid marker");
            }
        }
        return new Position(value, parts[3]);
    }

    /** Two more reads for the whole page: its users' keys, and their login profiles. */
    private List<UserOverview> overviews(List<User> page) {
        if (page.isEmpty()) {
            return List.of();
        }
        List<String> ids = page.stream().map(User::userId).toList();
        Map<String, List<AccessKey>> byOwner = keys.listByOwners(account, ids);
        Map<String, LoginProfile> byProfile = profiles.findAll(account, ids);
        Instant now = clock.instant();
        List<UserOverview> out = new ArrayList<>(page.size());
        for (User u : page) {
            List<AccessKey> live = byOwner.getOrDefault(u.userId(), List.of());
            Instant oldestActive = live.stream().filter(AccessKey::isActive).map(AccessKey::createDate)
                    .min(Instant::compareTo).orElse(null);
            AccessKey lastUsedKey = null;
            for (AccessKey k : live) {
                if (k.lastUsed() != null && (lastUsedKey == null
                        || k.lastUsed().date().isAfter(lastUsedKey.lastUsed().date()))) {
                    lastUsedKey = k;
                }
            }
            LastUsed lastUsed = lastUsedKey == null ? null : lastUsedKey.lastUsed();
            LoginProfile p = byProfile.get(u.userId());
            out.add(new UserOverview(u, live, oldestActive == null ? null : days(oldestActive, now),
                    lastUsedKey == null ? null : lastUsedKey.id(), lastUsed, p != null,
                    p == null ? null : p.passwordLastChanged(), p == null ? null : days(p.passwordLastChanged(), now),
                    p == null ? null : p.passwordLastUsed()));
        }
        return out;
    }

    private static long days(Instant since, Instant now) {
        return Math.max(0, Duration.between(since, now).toDays());
    }
}
