package de.weserems.integration.dashboard.indicators.generation;

/** How far the engine generation this instance runs has got through the event log. */
public interface GenerationProgress {

    /** The generation this instance runs. */
    EngineGeneration generation();

    /** The last measurement; {@code null} before the first. */
    CatchUpProgress progress();
}
