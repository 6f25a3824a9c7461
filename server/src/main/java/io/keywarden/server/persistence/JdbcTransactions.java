package io.keywarden.server.persistence;

import io.keywarden.core.port.Transactions;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;

import java.sql.Connection;

/**
 * Core's {@link Transactions} over the default data source: the JDBC stores' calls inside {@code work} share one
 * connection and commit together (or not at all).
 */
@Singleton
public class JdbcTransactions implements Transactions {
    private final TransactionOperations<Connection> transactions;

    public JdbcTransactions(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    @Override
    public void inTransaction(Runnable work) {
        transactions.executeWrite(status -> {
            work.run();
            return null;
        });
    }
}
