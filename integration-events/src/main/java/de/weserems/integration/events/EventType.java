package de.weserems.integration.events;

/** What happened to a participant. */
public enum EventType {
    COURSE_ENROLMENT,
    COURSE_COMPLETION,
    JOB_PLACEMENT
}
