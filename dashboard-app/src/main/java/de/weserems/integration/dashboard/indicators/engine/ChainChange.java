package de.weserems.integration.dashboard.indicators.engine;

import de.weserems.integration.dashboard.indicators.model.ChainContribution;

/**
 * A change of one completion's contribution to the chain counters of its district and month: the old
 * contribution is taken out and the new one put in, in one step, so the counters never show a
 * completion twice or not at all. Emitted when a completion becomes known ({@code before} is
 * {@code null}) and whenever a later-known placement or enrolment changes its figures.
 */
record ChainChange(ChainContribution before, ChainContribution after) {
}
