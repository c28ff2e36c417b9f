package org.bordercustody.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.apache.ibatis.exceptions.PersistenceException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.ProcessEnginePersistenceException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

class DatabaseOutageTest {

    @Test
    void aServerShuttingDownOrStartingIsAnOutage() {
        assertThat(DatabaseOutage.isCause(new SQLException("terminating connection due to administrator command",
                "57P01"))).isTrue();
        assertThat(DatabaseOutage.isCause(new SQLException("crash shutdown", "57P02"))).isTrue();
        assertThat(DatabaseOutage.isCause(new SQLException("the database system is starting up", "57P03"))).isTrue();
    }

    @Test
    void aConnectionLostInsideAnEngineCommandIsAnOutage() {
        SQLException lost = new SQLException("An I/O error occurred while sending to the backend.", "08006",
                new SocketException("Broken pipe"));
        assertThat(DatabaseOutage.isCause(new ProcessEnginePersistenceException("persistence layer",
                new PersistenceException("Error querying database", lost)))).isTrue();
    }

    @Test
    void thePoolGivingUpWaitingForAConnectionIsAnOutage() {
        assertThat(DatabaseOutage.isCause(new CannotCreateTransactionException("Could not open JDBC Connection",
                new SQLTransientConnectionException("Connection is not available, request timed out after 2000ms"))))
                .isTrue();
    }

    @Test
    void aRollbackFailingOnTheLostConnectionIsAnOutageOfTheFailureItHides() {
        TransactionSystemException rollback = new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed"));
        rollback.initApplicationException(new ProcessEngineException("persistence layer",
                new SQLException("An I/O error occurred while sending to the backend.", "08006")));
        assertThat(DatabaseOutage.isCause(rollback)).isTrue();
    }

    @Test
    void aRollbackOnAConnectionThePoolClosedAsBrokenIsAnOutage() {
        SQLException closed = new SQLException("Connection is closed");
        closed.setStackTrace(new StackTraceElement[] {new StackTraceElement(
                "com.zaxxer.hikari.pool.ProxyConnection$ClosedConnection", "lambda$getClosedConnection$0",
                "ProxyConnection.java", 562)});
        assertThat(DatabaseOutage.isCause(new TransactionSystemException("JDBC rollback failed", closed))).isTrue();
    }

    @Test
    void aFailedStatementOnAReachableDatabaseIsNoOutage() {
        assertThat(DatabaseOutage.isCause(new DuplicateKeyException("duplicate",
                new SQLException("duplicate key value violates unique constraint", "23505")))).isFalse();
        assertThat(DatabaseOutage.isCause(new DataIntegrityViolationException("not null",
                new SQLException("null value in column", "23502")))).isFalse();
        assertThat(DatabaseOutage.isCause(new ProcessEngineException("ENGINE-03005 no such task"))).isFalse();
        assertThat(DatabaseOutage.isCause(new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed")))).isFalse();
        assertThat(DatabaseOutage.isCause(null)).isFalse();
    }
}
