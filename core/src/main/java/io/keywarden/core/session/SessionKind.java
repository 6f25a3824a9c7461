package io.keywarden.core.session;

/** How a session came to be. The byte is its code in a session token; codes are never reused. */
public enum SessionKind {
    /** GetSessionToken: the user's (or root's) own identity, for a limited time. */
    SESSION_TOKEN(1),
    /** AssumeRole: a session of a role. */
    ASSUMED_ROLE(2),
    /** Reserved for console sign-in sessions. */
    CONSOLE(3);

    private final int code;

    SessionKind(int code) {
        this.code = code;
    }

    int code() {
        return code;
    }

    static SessionKind ofCode(int code) {
        for (SessionKind k : values()) {
            if (k.code == code) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown session kind " + code);
    }
}
