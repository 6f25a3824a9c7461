package io.keywarden.core.sigv4;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** The SigV4 timestamp {@code yyyyMMdd'T'HHmmss'Z'} (ISO-8601 basic, UTC, whole seconds) and the RFC 1123 fallback. */
final class AmzDate {
    static final int LENGTH = 16;

    private AmzDate() {
    }

    /** Formats {@code time} (truncated to the second) as {@code yyyyMMdd'T'HHmmss'Z'}. */
    static String format(Instant time) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(time.getEpochSecond(), 0, ZoneOffset.UTC);
        int year = t.getYear();
        if (year < 0 || year > 9999) {
            throw new IllegalArgumentException("signing time must be within years 0000-9999, got " + time);
        }
        char[] out = new char[LENGTH];
        put(out, 0, year, 4);
        put(out, 4, t.getMonthValue(), 2);
        put(out, 6, t.getDayOfMonth(), 2);
        out[8] = 'T';
        put(out, 9, t.getHour(), 2);
        put(out, 11, t.getMinute(), 2);
        put(out, 13, t.getSecond(), 2);
        out[15] = 'Z';
        return new String(out);
    }

    private static void put(char[] out, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            out[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    /** Parses a strict {@code yyyyMMdd'T'HHmmss'Z'} value; {@code null} when it is not one. */
    static Instant parse(String value) {
        if (value.length() != LENGTH || value.charAt(8) != 'T' || value.charAt(15) != 'Z') {
            return null;
        }
        int year = digits(value, 0, 4);
        int month = digits(value, 4, 2);
        int day = digits(value, 6, 2);
        int hour = digits(value, 9, 2);
        int minute = digits(value, 11, 2);
        int second = digits(value, 13, 2);
        if ((year | month | day | hour | minute | second) < 0) {
            return null;
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second).toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static int digits(String s, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** Parses an HTTP {@code Date} header (RFC 1123); {@code null} when it is not one. */
    static Instant parseHttpDate(String value) {
        try {
            return ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
