package org.bordercustody.privacy;

/** The entry points through which a person's record is read; the read log keeps the code, screens say the words. */
public enum ReadVia {
    CASE_VIEW("the case view"),
    TIMELINE("the case's timeline"),
    FAMILY("the family view"),
    PERSON("a person's page, as a search result opens it"),
    TASK_CARD("a task's card in Tasklist"),
    TASK_FORM("a task's form"),
    TASK_VARIABLES("a task's variables"),
    COCKPIT_CASE_TAB("Cockpit's case tab"),
    PARTNER_EVENTS("the partner event feed");

    private final String words;

    ReadVia(String words) {
        this.words = words;
    }

    public String words() {
        return words;
    }
}
