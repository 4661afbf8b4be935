package de.weserems.integration.events;

/** What happened to a participant, or (a retraction) to an earlier event. New values go at the end (see {@link CourseType}). */
public enum EventType {
    COURSE_ENROLMENT,
    COURSE_COMPLETION,
    JOB_PLACEMENT,
    /**
     * The provider takes back an earlier event of its own that was wrong (contract v2): {@code retracts} names
     * its eventId, {@code occurredOn} is the day of the retraction, {@code district} the retracted event's.
     * Whether it takes effect is the engine's to decide: ingest cannot know events it has not seen.
     */
    RETRACTION,
    /**
     * A person is entitled or obliged to attend an integration course ({@code entitlement}), issued by
     * {@code issuer}; always names the participant.
     */
    ENTITLEMENT,
    /** The day the course the participant enrolled in actually began ({@code courseType} as on the enrolment). */
    COURSE_START
}
