package io.keywarden.sdk.internal;

import io.keywarden.sdk.exception.KeywardenClientException;
import io.keywarden.sdk.model.CredentialReportRow;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads AWS's credential report CSV (RFC 4180: quoted fields may hold commas, quotes and line breaks). Columns are
 * found by their header names, so added columns do not break it; a missing column or a value of the wrong shape is a
 * {@link KeywardenClientException} naming the line and column.
 */
public final class CredentialReportCsv {
    private CredentialReportCsv() {
    }

    public static List<CredentialReportRow> parse(String csv) {
        List<List<String>> records = records(csv);
        if (records.isEmpty()) {
            throw new KeywardenClientException("the credential report is empty (no header line)");
        }
        Map<String, Integer> columns = new HashMap<>();
        List<String> header = records.get(0);
        for (int i = 0; i < header.size(); i++) {
            columns.putIfAbsent(header.get(i), i);
        }
        List<CredentialReportRow> rows = new ArrayList<>(records.size() - 1);
        for (int line = 1; line < records.size(); line++) {
            rows.add(row(new Fields(columns, records.get(line), line + 1)));
        }
        return rows;
    }

    private static CredentialReportRow row(Fields f) {
        return new CredentialReportRow(f.text("user"), f.text("arn"), f.requiredDate("user_creation_time"),
                f.text("password_enabled"), f.text("password_last_used"), f.text("password_last_changed"),
                f.text("password_next_rotation"), f.bool("mfa_active"), key(f, 1), key(f, 2),
                f.bool("cert_1_active"), f.text("cert_1_last_rotated"), f.bool("cert_2_active"),
                f.text("cert_2_last_rotated"));
    }

    private static CredentialReportRow.KeyColumns key(Fields f, int n) {
        String p = "access_key_" + n + "_";
        return new CredentialReportRow.KeyColumns(f.bool(p + "active"), f.optionalDate(p + "last_rotated"),
                f.optionalDate(p + "last_used_date"), f.text(p + "last_used_region"), f.text(p + "last_used_service"));
    }

    /** The records of the text: a list of fields per line, blank lines skipped. */
    static List<List<String>> records(String csv) {
        List<List<String>> out = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean fieldStarted = false;
        int i = 0;
        while (i < csv.length()) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.length() == 0) {
                quoted = true;
                fieldStarted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                fieldStarted = true;
            } else if (c == '\n' || c == '\r') {
                if (fieldStarted || field.length() > 0 || !fields.isEmpty()) {
                    fields.add(field.toString());
                    out.add(fields);
                }
                fields = new ArrayList<>();
                field.setLength(0);
                fieldStarted = false;
            } else {
                field.append(c);
                fieldStarted = true;
            }
            i++;
        }
        if (quoted) {
            throw new KeywardenClientException("the credential report ends inside a quoted field");
        }
        if (fieldStarted || field.length() > 0 || !fields.isEmpty()) {
            fields.add(field.toString());
            out.add(fields);
        }
        return out;
    }

    private record Fields(Map<String, Integer> columns, List<String> values, int line) {
        String text(String column) {
            Integer index = columns.get(column);
            if (index == null) {
                throw new KeywardenClientException("the credential report has no column '" + column + "'");
            }
            if (index >= values.size()) {
                throw new KeywardenClientException("line " + line + " of the credential report lacks '" + column + "'");
            }
            return values.get(index);
        }

        boolean bool(String column) {
            String v = text(column);
            if (v.equalsIgnoreCase("true")) {
                return true;
            }
            if (v.equalsIgnoreCase("false") || v.equals(CredentialReportRow.NOT_APPLICABLE)
                    || v.equals("not_supported")) {
                return false;
            }
            throw wrong(column, "true or false");
        }

        Instant requiredDate(String column) {
            Instant value = optionalDate(column);
            if (value == null) {
                throw wrong(column, "a date");
            }
            return value;
        }

        /** A date, or null for AWS's markers of "none" ({@code N/A}, {@code no_information}, {@code not_supported}). */
        Instant optionalDate(String column) {
            String v = text(column);
            if (v.equals(CredentialReportRow.NOT_APPLICABLE) || v.equals("no_information") || v.equals("not_supported")
                    || v.isEmpty()) {
                return null;
            }
            try {
                return OffsetDateTime.parse(v).toInstant();
            } catch (DateTimeParseException e) {
                throw wrong(column, "an ISO-8601 date");
            }
        }

        private KeywardenClientException wrong(String column, String expected) {
            return new KeywardenClientException("line " + line + " of the credential report has '" + column
                    + "' that is not " + expected);
        }
    }
}
