package io.tributary.connectors.jdbc;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

/** Tells a failure worth retrying (the connection, a deadlock, a timeout) from a refusal of the data. */
final class Errors {
    private Errors() {}

    static boolean transient_(SQLException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientException || cause instanceof SQLRecoverableException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                // 08: connection; 40: transaction rollback (deadlock, serialization); 57P: operator intervention.
                if (state.startsWith("08") || state.startsWith("40") || state.startsWith("57P")) {
                    return true;
                }
            }
        }
        return false;
    }
}
