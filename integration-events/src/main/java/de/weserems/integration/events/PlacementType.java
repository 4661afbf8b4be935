package de.weserems.integration.events;

/** The kind of work a job placement leads to; {@code EMPLOYMENT} is employment subject to social insurance. */
public enum PlacementType {
    EMPLOYMENT,
    APPRENTICESHIP,
    SELF_EMPLOYMENT,
    MARGINAL_EMPLOYMENT
}
