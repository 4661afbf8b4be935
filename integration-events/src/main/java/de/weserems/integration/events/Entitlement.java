package de.weserems.integration.events;

/** What an {@link EventType#ENTITLEMENT} grants: a right or a duty to attend an integration course. New values go at the end (see {@link CourseType}). */
public enum Entitlement {
    /** The person may attend an integration course. */
    ENTITLED,
    /** The person must attend an integration course. */
    OBLIGED
}
