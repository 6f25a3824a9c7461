package io.keywarden.sdk.testing;

import io.keywarden.core.sigv4.SigningCredentials;

/** Shared test values. */
public final class Fixtures {
    public static final String ACCESS_KEY_ID = "AKIAQ2KWSD3J5EXAMPLE";
    public static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYzEXAMPLEKEY";
    public static final SigningCredentials CREDENTIALS = SigningCredentials.of(ACCESS_KEY_ID, SECRET);

    public static final String USER_JSON = "{\"userName\":\"alice\",\"userId\":\"AIDAQ2KWSD3J5ABCDEFGH\","
            + "\"arn\":\"arn:aws:iam::123456789012:user/eng/alice\",\"path\":\"/eng/\","
            + "\"createDate\":\"2026-11-29T15:22:15.123Z\"}";

    public static String accessKeyJson(String id, String status, String userName) {
        return "{\"accessKeyId\":\"" + id + "\",\"status\":\"" + status + "\",\"createDate\":\"2026-11-30T08:00:00Z\""
                + (userName == null ? "" : ",\"userName\":\"" + userName + "\"") + "}";
    }

    public static String userJson(String name) {
        return "{\"userName\":\"" + name + "\",\"userId\":\"AIDA" + name.toUpperCase() + "\",\"arn\":\"arn:aws:iam::123456789012:user/"
                + name + "\",\"path\":\"/\",\"createDate\":\"2026-11-29T15:22:15Z\",\"keyAgeDays\":3}";
    }

    private Fixtures() {
    }
}
