package org.bordercustody.custody;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The type of a process variable, declared once beside its name in {@link CustodyProcess.Variables}; a test holds
 * the model, the decision tables and the forms to these declarations. Whether the process keeps the value past
 * the transaction that sets it is declared here too: most values are read by the gateway, decision or use case
 * that runs right after they are set and live only for that transaction (Camunda's transient variables, never
 * written to the database); only what a later step reads, after a wait state, is kept. See {@link ProcessData}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Declared {

    Class<?> value();

    /** Read after a wait state (a timer created later, a task's due date, a delegate after a task): kept. */
    boolean kept() default false;
}
