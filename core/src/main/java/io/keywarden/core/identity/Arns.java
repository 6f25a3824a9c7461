package io.keywarden.core.identity;

/** Builds the ARNs Keywarden hands out. The partition is always {@code aws}, the region always empty. */
public final class Arns {
    private Arns() {
    }

    public static String user(AccountId account, UserPath path, UserName name) {
        return "arn:aws:iam::" + account.value() + ":user" + path.value() + name.value();
    }

    public static String root(AccountId account) {
        return account.rootArn();
    }

    /** {@code arn:aws:iam::ACCOUNT:role{PATH}NAME}. */
    public static String role(AccountId account, UserPath path, String name) {
        return "arn:aws:iam::" + account.value() + ":role" + path.value() + name;
    }

    public static String policy(AccountId account, String path, String name) {
        return "arn:aws:iam::" + account.value() + ":policy" + path + name;
    }
}
