package org.bordercustody.custody;

import java.util.Map;

/**
 * Values a task's form shows about its case, read from the case tables each time the form is opened, so that the
 * process carries no display copies. Each feature adds what it owns (the case itself, the release address...).
 */
public interface ShownOnForms {

    /**
     * Adds to {@code shown} what the form should show about the case; {@code processData} is what the task's process
     * keeps (its clocks), as the engine let the caller read it.
     */
    void addTo(CustodyCase custodyCase, Map<String, Object> processData, Map<String, Object> shown);
}
