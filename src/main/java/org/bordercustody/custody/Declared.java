package org.bordercustody.custody;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The type of a process variable, declared once beside its name in {@link CustodyProcess.Variables}; a test holds
 * the model, the decision tables and the forms to these declarations.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Declared {

    Class<?> value();
}
