package org.bordercustody.access;

/**
 * The kinds of engine operation a role may be given. Each names the engine commands it consists of in
 * {@link EngineAccessPolicy}; a command that no operation names is refused to everyone but administrators.
 */
public enum EngineOperation {

    /** Tasklist's reads: filters, task lists and counts, a task's form, variables and diagram, one's profile. */
    READ_TASKS("Tasklist: filters, task list and count, a task's form, variables, comments and diagram"),

    /** Claim a task of one's own groups for oneself, unclaim one's own, complete it with its form's fields. */
    WORK_TASKS("Claim for oneself (own groups' tasks), unclaim one's own, complete with the form's fields only"),

    /** Cockpit's reads: process, decision, history, job and incident views, statistics. */
    READ_OPERATIONS("Cockpit: processes, instances, variables, history, jobs and incidents, read only"),

    /** Everything else: deployments, instances, jobs, incidents, users, groups, authorizations, filters. */
    ADMINISTER("Everything else: deploy, start, modify, delete; jobs, incidents, users, groups, authorizations");

    private final String description;

    EngineOperation(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
