package de.weserems.integration.events;

/** The participant's sex as the provider records it, optional on every type that names a participant. New values go at the end (see {@link CourseType}). */
public enum Sex {
    FEMALE,
    MALE,
    DIVERSE,
    /** Recorded as not given ("ohne Angabe"). */
    UNSPECIFIED
}
