package de.weserems.integration.demo;

/** Per-district character, fixed by the seed: the dashboard then has differences to show. */
record DistrictProfile(double intake, double wavePhase, double dropout, double waitingGap, double placementGap) {}
