package de.weserems.integration.events;

/** The kind of measure a course enrolment or completion belongs to. */
public enum CourseType {
    INTEGRATION_COURSE,
    JOB_LANGUAGE_COURSE,
    VOCATIONAL_QUALIFICATION,
    ORIENTATION_COURSE;

    /** Language courses are the ones whose certified level counts towards the language success rate. */
    public boolean languageCourse() {
        return this == INTEGRATION_COURSE || this == JOB_LANGUAGE_COURSE;
    }
}
