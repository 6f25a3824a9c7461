package io.keywarden.core.port;

/** Runs work in one database transaction (a store that has none runs it as it is). */
@FunctionalInterface
public interface Transactions {
    Transactions NONE = Runnable::run;

    void inTransaction(Runnable work);
}
