package de.weserems.integration.events;

/**
 * The kind of work a job placement leads to; {@code EMPLOYMENT} is employment subject to social insurance.
 * New values go at the end (see {@link CourseType}).
 */
public enum PlacementType {
    EMPLOYMENT,
    APPRENTICESHIP,
    SELF_EMPLOYMENT,
    MARGINAL_EMPLOYMENT,
    /** Full vocational training outside the dual system, at a vocational school (contract v2); an integration in the SGB II sense. */
    FULL_VOCATIONAL_TRAINING;

    /**
     * Whether a placement of this type is an integration in the SGB II sense: every type but marginal
     * employment (a mini-job), which the job centres' statistics do not count as one.
     */
    public boolean integration() {
        return this != MARGINAL_EMPLOYMENT;
    }
}
