package io.keywarden.core.port;

import io.keywarden.core.identity.AccountId;
import io.keywarden.core.identity.User;
import io.keywarden.core.keys.AccessKey;
import io.keywarden.core.keys.LastUsed;
import io.keywarden.core.password.LoginProfile;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The users of an account in one of the console's sort orders (ListUserSummaries), a page at a time: ordering and
 * keyset paging happen in the store, so that a page costs one query however many users there are.
 *
 * <p>Every order is by a sort value ({@link Sort#valueOf}) and then by the lower-case name ({@link
 * io.keywarden.core.identity.UserName#key()}), which is unique, so ties are stable across pages.
 */
public interface UserSummaryStore {
    /** The sort value of "None" when a larger value means a smaller age (no key or no password: no age at all). */
    Instant NONE_AS_LATEST = Instant.parse("9999-12-31T00:00:00Z");
    /** The sort value of "None" or "Never" for dates of use (never used: before every use). */
    Instant NONE_AS_EARLIEST = Instant.parse("1970-01-01T00:00:00Z");

    /**
     * The orders. "Ascending" is what a user reads in the column: ages from young to old, dates from early to late;
     * "None" comes first in every ascending order. For the age columns the value is a date, read in reverse.
     */
    enum Sort {
        /** Sort value: none (the name alone orders). */
        USER_NAME("userName", false, null),
        /** Sort value: the user's creation date. */
        CREATE_DATE("createDate", false, null),
        /** Sort value: the creation date of the oldest Active key ({@link #NONE_AS_LATEST} without one). */
        ACTIVE_KEY_AGE("activeKeyAge", true, NONE_AS_LATEST),
        /** Sort value: the latest last-used date of the user's keys ({@link #NONE_AS_EARLIEST} when never used). */
        ACCESS_KEY_LAST_USED("accessKeyLastUsed", false, NONE_AS_EARLIEST),
        /** Sort value: when the password was last changed ({@link #NONE_AS_LATEST} without a login profile). */
        PASSWORD_AGE("passwordAge", true, NONE_AS_LATEST),
        /** Sort value: the last console sign-in ({@link #NONE_AS_EARLIEST} when never or without a password). */
        CONSOLE_LAST_SIGN_IN("consoleLastSignIn", false, NONE_AS_EARLIEST);

        private final String wireName;
        private final boolean reversed;
        private final Instant none;

        Sort(String wireName, boolean reversed, Instant none) {
            this.wireName = wireName;
            this.reversed = reversed;
            this.none = none;
        }

        /** The parameter value ({@code userName}, {@code activeKeyAge}, ...). */
        public String wireName() {
            return wireName;
        }

        /** Whether an ascending order reads the sort value from the latest to the earliest (the age columns). */
        public boolean reversed() {
            return reversed;
        }

        /** Whether the order has a sort value besides the name. */
        public boolean hasValue() {
            return this != USER_NAME;
        }

        /** The sort value that stands for "None"; null for orders whose value is never absent. */
        public Instant none() {
            return none;
        }

        public static Optional<Sort> fromWire(String value) {
            for (Sort s : values()) {
                if (s.wireName.equals(value)) {
                    return Optional.of(s);
                }
            }
            return Optional.empty();
        }

        /**
         * The one definition of each sort value, from a user, its live keys and its login profile (null when none);
         * the JDBC store computes the same in SQL and the store contract checks that they agree. Null for
         * {@link #USER_NAME}.
         */
        public Instant valueOf(User user, Collection<AccessKey> liveKeys, LoginProfile profile) {
            return switch (this) {
                case USER_NAME -> null;
                case CREATE_DATE -> user.createDate();
                case ACTIVE_KEY_AGE -> liveKeys.stream().filter(AccessKey::isActive).map(AccessKey::createDate)
                        .min(Instant::compareTo).orElse(none);
                case ACCESS_KEY_LAST_USED -> liveKeys.stream().map(AccessKey::lastUsed).filter(Objects::nonNull)
                        .map(LastUsed::date).max(Instant::compareTo).orElse(none);
                case PASSWORD_AGE -> profile == null ? none : profile.passwordLastChanged();
                case CONSOLE_LAST_SIGN_IN -> profile == null || profile.passwordLastUsed() == null ? none
                        : profile.passwordLastUsed();
            };
        }
    }

    /** Where the previous page ended: its last user's sort value (null for {@link Sort#USER_NAME}) and name key. */
    record Position(Instant value, String nameKey) {
        public Position {
            Objects.requireNonNull(nameKey, "nameKey");
        }
    }

    /**
     * @param sort       the order
     * @param descending the reverse of the order
     * @param namePrefix only users whose lower-case name starts with it (lower case already); null for all
     * @param after      the previous page's end; null for the first page
     * @param limit      at most this many users
     */
    record Query(Sort sort, boolean descending, String namePrefix, Position after, int limit) {
        public Query {
            Objects.requireNonNull(sort, "sort");
            if (namePrefix != null && !namePrefix.equals(namePrefix.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("the name prefix must be lower case");
            }
            if (after != null && sort.hasValue() != (after.value() != null)) {
                throw new IllegalArgumentException("a position of order " + sort + " needs a value exactly when the"
                        + " order has one");
            }
            if (limit < 0) {
                throw new IllegalArgumentException("limit < 0");
            }
        }
    }

    /** A user of a page with its sort value (null for {@link Sort#USER_NAME}), from which the next marker is made. */
    record Entry(User user, Instant sortValue) {
        public Entry {
            Objects.requireNonNull(user, "user");
        }
    }

    /** One page of the account's users in the query's order. */
    List<Entry> page(AccountId account, Query query);
}
