package de.weserems.integration.events;

/** Whether a completion ends the participant's first attempt at the course or a repeat (contract v2). */
public enum Attempt {
    FIRST,
    REPEAT
}
