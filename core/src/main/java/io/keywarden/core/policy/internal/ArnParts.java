package io.keywarden.core.policy.internal;

/**
 * A string cut into at most six colon-separated parts, as an ARN is: {@code arn:partition:service:region:account:
 * resource}, where the last part keeps any further colons. Holds offsets only; nothing is copied.
 */
public final class ArnParts {
    public static final int MAX_PARTS = 6;

    private final String text;
    private final int[] starts = new int[MAX_PARTS];
    private final int count;

    private ArnParts(String text) {
        this.text = text;
        int parts = 1;
        starts[0] = 0;
        int from = 0;
        while (parts < MAX_PARTS) {
            int colon = text.indexOf(':', from);
            if (colon < 0) {
                break;
            }
            starts[parts++] = colon + 1;
            from = colon + 1;
        }
        this.count = parts;
    }

    public static ArnParts of(String text) {
        return new ArnParts(text);
    }

    public String text() {
        return text;
    }

    /** How many parts: 1 to 6. */
    public int count() {
        return count;
    }

    public int start(int part) {
        return starts[part];
    }

    /** The end (exclusive) of a part: the colon after it, or the end of the string for the last one. */
    public int end(int part) {
        return part + 1 < count ? starts[part + 1] - 1 : text.length();
    }
}
