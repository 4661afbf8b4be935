package de.weserems.integration.events;

/** How a course ended for the participant. */
public enum Outcome {
    PASSED,
    FAILED,
    DROPPED_OUT
}
