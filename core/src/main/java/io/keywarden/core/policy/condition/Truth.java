package io.keywarden.core.policy.condition;

/**
 * The outcome of a condition, or of a statement: three-valued, so that what cannot be evaluated is never mistaken
 * for true or false. Combined with Kleene's rules: AND is false if any part is false, else error if any is;
 * OR is true if any part is true, else error if any is; NOT swaps true and false and keeps error.
 */
public enum Truth {
    TRUE,
    FALSE,
    /** Could not be evaluated (e.g. a request value that is not a number); the reason was reported. */
    ERROR;

    public static Truth of(boolean value) {
        return value ? TRUE : FALSE;
    }

    public Truth not() {
        return switch (this) {
            case TRUE -> FALSE;
            case FALSE -> TRUE;
            case ERROR -> ERROR;
        };
    }
}
