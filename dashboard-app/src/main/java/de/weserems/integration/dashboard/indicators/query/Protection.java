package de.weserems.integration.dashboard.indicators.query;

/**
 * How the figures of an answer are protected, as the read API states it: {@code perturbed} counts
 * (the cell key method) deviate from the true count by at most {@code maxDeviation}; rates and medians
 * need {@code minCases} cases. Exact figures (role STATISTICS): not perturbed, deviation 0.
 */
public record Protection(boolean perturbed, int maxDeviation, int minCases) {

    static Protection of(Confidentiality rules) {
        return new Protection(!rules.isExact(), rules.maxDeviation(), rules.minCases());
    }
}
