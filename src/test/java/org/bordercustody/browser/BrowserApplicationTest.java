package org.bordercustody.browser;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.bordercustody.CustodyApplicationTest;
import org.springframework.test.context.TestPropertySource;

/**
 * The whole application as {@link CustodyApplicationTest} starts it, with a database of its own shared by the browser
 * tests only: what a user reads in a Tasklist list depends on every open task in it, so the lists hold no task of the
 * other tests, however many they leave open and in whatever order the suite runs.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@CustodyApplicationTest
@TestPropertySource(properties = "custody.test-database=browser")
public @interface BrowserApplicationTest {
}
