package io.keywarden.core.policy.internal;

import java.time.Instant;

/**
 * Date values of the Date condition operators, parsed by hand (this runs on every request that carries
 * {@code aws:CurrentTime}). Accepted, as AWS documents (the W3C profile of ISO 8601, or epoch seconds):
 * <ul>
 *   <li>{@code YYYY-MM}, {@code YYYY-MM-DD} (midnight UTC);</li>
 *   <li>{@code YYYY-MM-DDThh:mm}, {@code …:ss}, {@code …:ss.f} (1 to 9 fraction digits), followed by {@code Z},
 *       {@code ±hh:mm}, {@code ±hhmm} or {@code ±hh}; with no zone the time is UTC;</li>
 *   <li>epoch seconds: digits with an optional {@code -} and fraction ({@code 1700000000}, {@code 1700000000.5}).
 *       A bare {@code YYYY} is therefore read as epoch seconds.</li>
 * </ul>
 */
public final class DateTimes {
    private static final int MAX_EPOCH_DIGITS = 15;

    private DateTimes() {
    }

    /** The instant, or null if the text is not a date. */
    public static Instant parse(String text) {
        int n = text.length();
        if (n == 0) {
            return null;
        }
        if (isEpoch(text)) {
            return parseEpoch(text);
        }
        return parseIso(text);
    }

    private static boolean isEpoch(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9') && c != '.' && !(c == '-' && i == 0)) {
                return false;
            }
        }
        return true;
    }

    private static Instant parseEpoch(String text) {
        int i = 0;
        boolean negative = text.charAt(0) == '-';
        if (negative) {
            i++;
        }
        int dot = text.indexOf('.');
        int intEnd = dot < 0 ? text.length() : dot;
        if (intEnd == i || intEnd - i > MAX_EPOCH_DIGITS) {
            return null;
        }
        long seconds = 0;
        for (int j = i; j < intEnd; j++) {
            seconds = seconds * 10 + (text.charAt(j) - '0');
        }
        long nanos = 0;
        if (dot >= 0) {
            int digits = text.length() - dot - 1;
            if (digits < 1 || digits > 9 || text.indexOf('.', dot + 1) >= 0) {
                return null;
            }
            for (int j = dot + 1; j < text.length(); j++) {
                nanos = nanos * 10 + (text.charAt(j) - '0');
            }
            for (int d = digits; d < 9; d++) {
                nanos *= 10;
            }
        }
        return negative ? Instant.ofEpochSecond(-seconds, -nanos) : Instant.ofEpochSecond(seconds, nanos);
    }

    private static Instant parseIso(String s) {
        int n = s.length();
        // YYYY-MM
        if (n < 7 || s.charAt(4) != '-') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 7);
        if (year < 0 || month < 1 || month > 12) {
            return null;
        }
        int day = 1;
        int pos = 7;
        if (n > 7) {
            if (n < 10 || s.charAt(7) != '-') {
                return null;
            }
            day = digits(s, 8, 10);
            if (day < 1 || day > daysInMonth(year, month)) {
                return null;
            }
            pos = 10;
        }
        long seconds = daysFromCivil(year, month, day) * 86_400L;
        if (pos == n) {
            return Instant.ofEpochSecond(seconds);
        }
        if (s.charAt(pos) != 'T' || pos + 6 > n || s.charAt(pos + 3) != ':') {
            return null;
        }
        int hour = digits(s, pos + 1, pos + 3);
        int minute = digits(s, pos + 4, pos + 6);
        if (hour < 0 || hour > 23 || minute < 0 || minute > 59) {
            return null;
        }
        pos += 6;
        int second = 0;
        long nanos = 0;
        if (pos < n && s.charAt(pos) == ':') {
            if (pos + 3 > n) {
                return null;
            }
            second = digits(s, pos + 1, pos + 3);
            if (second < 0 || second > 59) {
                return null;
            }
            pos += 3;
            if (pos < n && s.charAt(pos) == '.') {
                int start = ++pos;
                while (pos < n && s.charAt(pos) >= '0' && s.charAt(pos) <= '9') {
                    pos++;
                }
                int count = pos - start;
                if (count < 1 || count > 9) {
                    return null;
                }
                nanos = digits(s, start, pos);
                for (int d = count; d < 9; d++) {
                    nanos *= 10;
                }
            }
        }
        int offsetSeconds = 0;
        if (pos < n) {
            char zone = s.charAt(pos);
            if (zone == 'Z') {
                pos++;
            } else if (zone == '+' || zone == '-') {
                int sign = zone == '+' ? 1 : -1;
                pos++;
                int offHours = pos + 2 <= n ? digits(s, pos, pos + 2) : -1;
                if (offHours < 0 || offHours > 23) {
                    return null;
                }
                pos += 2;
                int offMinutes = 0;
                if (pos < n) {
                    if (s.charAt(pos) == ':') {
                        pos++;
                    }
                    offMinutes = pos + 2 <= n ? digits(s, pos, pos + 2) : -1;
                    if (offMinutes < 0 || offMinutes > 59) {
                        return null;
                    }
                    pos += 2;
                }
                offsetSeconds = sign * (offHours * 3600 + offMinutes * 60);
            } else {
                return null;
            }
        }
        if (pos != n) {
            return null;
        }
        return Instant.ofEpochSecond(seconds + hour * 3600L + minute * 60L + second - offsetSeconds, nanos);
    }

    /** The decimal value of {@code s[from, to)}, or -1 if it is not all digits. */
    private static int digits(String s, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static int daysInMonth(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** Days since 1970-01-01 (Howard Hinnant's days_from_civil). */
    private static long daysFromCivil(int year, int month, int day) {
        long y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400);
        long yoe = y - era * 400;
        long doy = (153L * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146_097 + doe - 719_468;
    }
}
