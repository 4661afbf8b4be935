package de.weserems.integration.events;

/**
 * The kind of measure a course enrolment or completion belongs to. New values go at the end: the engine's
 * stored formats keep an enum by its position.
 */
public enum CourseType {
    INTEGRATION_COURSE,
    JOB_LANGUAGE_COURSE,
    VOCATIONAL_QUALIFICATION,
    ORIENTATION_COURSE,
    /** BAMF's Erstorientierungskurs for asylum seekers (contract v2); not the orientation part of the integration course. */
    FIRST_ORIENTATION_COURSE;

    /** Language courses are the ones whose certified level counts towards the language success rate. */
    public boolean languageCourse() {
        return this == INTEGRATION_COURSE || this == JOB_LANGUAGE_COURSE;
    }
}
