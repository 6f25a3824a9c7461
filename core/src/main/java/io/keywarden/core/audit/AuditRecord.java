package io.keywarden.core.audit;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * What one API call leaves in the audit trail, before it is chained (SPEC §7): when, which operation, who (principal
 * type, ARN, user ID, user name, access key ID), from where (source IP, user agent), the request parameters and the
 * response elements as JSON text with secrets left out by type ({@link EventJson}, {@link Sensitive}), the outcome (HTTP status, error code
 * and message) and the request ID.
 *
 * <p>Values are normalised in the constructor so that what is stored is exactly what is hashed: the time is cut to
 * milliseconds; text fields lose control characters and unpaired surrogates and are cut to their column sizes
 * ({@link #MAX_TEXT}, ...); a JSON field longer than {@link #MAX_JSON} is replaced by a short marker.
 *
 * @param principalType {@code Root}, {@code IAMUser}, {@code AssumedRole} or {@code Unknown} (authentication failed)
 * @param principalArn  null when authentication failed
 * @param accessKeyId   the key the request was signed with (claimed, when authentication failed); may be null
 * @param readOnly      whether the operation only reads (CloudTrail's {@code readOnly})
 * @param errorCode     null when the call succeeded
 * @param session       the session of the temporary credentials the call was made with; null for a long-term key
 *                      (and in every event written before sessions were recorded: it is optional trailing data of
 *                      the canonical form, so those events' hashes are unchanged)
 */
public record AuditRecord(String eventId, Instant eventTime, String accountId, String eventSource, String eventName,
                          boolean readOnly, String principalType, String principalArn, String principalId,
                          String userName, String accessKeyId, String sourceIp, String userAgent,
                          String requestParameters, String responseElements, String errorCode, String errorMessage,
                          String requestId, int httpStatus, AuditSession session) {
    public static final int MAX_TEXT = 256;
    public static final int MAX_ARN = 2048;
    public static final int MAX_USER_AGENT = 1024;
    public static final int MAX_MESSAGE = 2048;
    public static final int MAX_JSON = 16384;
    public static final String TRUNCATED_JSON = "{\"keywardenTruncated\":true}";

    public AuditRecord {
        Objects.requireNonNull(eventTime, "eventTime");
        eventId = Text.clean(Objects.requireNonNull(eventId, "eventId"), 36);
        eventTime = eventTime.truncatedTo(ChronoUnit.MILLIS);
        accountId = Text.clean(Objects.requireNonNull(accountId, "accountId"), 12);
        eventSource = Text.clean(Objects.requireNonNull(eventSource, "eventSource"), 64);
        eventName = Text.clean(Objects.requireNonNull(eventName, "eventName"), 128);
        principalType = Text.clean(Objects.requireNonNull(principalType, "principalType"), 32);
        principalArn = Text.clean(principalArn, MAX_ARN);
        principalId = Text.clean(principalId, 128);
        userName = Text.clean(userName, 64);
        accessKeyId = Text.clean(accessKeyId, 128);
        sourceIp = Text.clean(sourceIp, 64);
        userAgent = Text.clean(userAgent, MAX_USER_AGENT);
        requestParameters = Text.json(requestParameters);
        responseElements = Text.json(responseElements);
        errorCode = Text.clean(errorCode, 64);
        errorMessage = Text.clean(errorMessage, MAX_MESSAGE);
        requestId = Text.clean(Objects.requireNonNull(requestId, "requestId"), 64);
    }

    /** An event made without a session (a long-term key, or no authentication). */
    public AuditRecord(String eventId, Instant eventTime, String accountId, String eventSource, String eventName,
                       boolean readOnly, String principalType, String principalArn, String principalId,
                       String userName, String accessKeyId, String sourceIp, String userAgent,
                       String requestParameters, String responseElements, String errorCode, String errorMessage,
                       String requestId, int httpStatus) {
        this(eventId, eventTime, accountId, eventSource, eventName, readOnly, principalType, principalArn, principalId,
                userName, accessKeyId, sourceIp, userAgent, requestParameters, responseElements, errorCode,
                errorMessage, requestId, httpStatus, null);
    }

    public boolean succeeded() {
        return errorCode == null;
    }

    /** Text normalisation shared by the fields. */
    static final class Text {
        private Text() {
        }

        /** Control characters become '?', unpaired surrogates U+FFFD; cut to {@code max} chars between code points. */
        static String clean(String s, int max) {
            if (s == null || s.length() <= max && isClean(s)) {
                return s; // the common case: nothing to change, nothing to copy
            }
            StringBuilder out = new StringBuilder(Math.min(s.length(), max));
            for (int i = 0; i < s.length() && out.length() < max; i++) {
                char c = s.charAt(i);
                if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    if (out.length() + 2 > max) {
                        break;
                    }
                    out.append(c).append(s.charAt(++i));
                } else if (Character.isSurrogate(c)) {
                    out.append('\uFFFD');
                } else if (c < 0x20 || c == 0x7F) {
                    out.append('?');
                } else {
                    out.append(c);
                }
            }
            return out.toString();
        }

        /** No control characters and no unpaired surrogates. */
        private static boolean isClean(String s) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c < 0x20 || c == 0x7F) {
                    return false;
                }
                if (Character.isSurrogate(c)) {
                    if (!Character.isHighSurrogate(c) || i + 1 >= s.length()
                            || !Character.isLowSurrogate(s.charAt(i + 1))) {
                        return false;
                    }
                    i++;
                }
            }
            return true;
        }

        /** JSON text stays as it is unless it is too long or not clean, then a marker replaces it. */
        static String json(String s) {
            if (s == null) {
                return null;
            }
            if (s.length() > MAX_JSON || !isClean(s)) {
                return TRUNCATED_JSON;
            }
            return s;
        }
    }
}
