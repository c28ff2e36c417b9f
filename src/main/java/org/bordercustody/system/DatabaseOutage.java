package org.bordercustody.system;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.IdentityHashMap;
import java.util.Set;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.lang.Nullable;
import org.springframework.transaction.TransactionSystemException;

/**
 * Whether a failure means the database cannot be reached (down, restarting, refusing connections, or the pool
 * gave up waiting for one), as opposed to a failure of the statement or of the request. Decided on the parsed
 * exceptions of the whole cause chain, never on their messages.
 */
public final class DatabaseOutage {

    /** SQLState class 08: connection exception (PostgreSQL's 08006 when the server goes away mid-statement). */
    private static final String CONNECTION_EXCEPTION_CLASS = "08";
    /** PostgreSQL: admin_shutdown, crash_shutdown, cannot_connect_now (starting up or shutting down). */
    private static final Set<String> SERVER_UNAVAILABLE = Set.of("57P01", "57P02", "57P03");
    /**
     * Hikari closes a connection it saw fail with a connection error, and answers any later call on it (the rollback
     * after a failed commit, which then replaces the commit's failure) from this class.
     */
    private static final String HIKARI_CLOSED_CONNECTION = "com.zaxxer.hikari.pool.ProxyConnection$ClosedConnection";

    private DatabaseOutage() {
    }

    public static boolean isCause(@Nullable Throwable failure) {
        return isCause(failure, java.util.Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static boolean isCause(@Nullable Throwable failure, Set<Throwable> seen) {
        for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
            if (marksAnOutage(cause)) {
                return true;
            }
            if (cause instanceof SQLException sql && isCause(sql.getNextException(), seen)) {
                return true;
            }
            // A rollback that fails on the lost connection hides the failure that called for it.
            if (cause instanceof TransactionSystemException rollback
                    && isCause(rollback.getApplicationException(), seen)) {
                return true;
            }
        }
        return false;
    }

    private static boolean marksAnOutage(Throwable cause) {
        if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
                || cause instanceof CannotGetJdbcConnectionException
                || cause instanceof DataAccessResourceFailureException) {
            return true;
        }
        if (cause instanceof SQLException sql && sql.getSQLState() != null) {
            String state = sql.getSQLState();
            return state.startsWith(CONNECTION_EXCEPTION_CLASS) || SERVER_UNAVAILABLE.contains(state);
        }
        return cause instanceof SQLException sql && sql.getStackTrace().length > 0
                && HIKARI_CLOSED_CONNECTION.equals(sql.getStackTrace()[0].getClassName());
    }
}
