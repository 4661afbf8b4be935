package de.weserems.integration.demo;

import de.weserems.integration.events.District;

import java.time.LocalDate;

/** A participant's state along the chain. Each participant has at most one pending step. */
final class Participant {
    final String ref;
    District district;
    int courses;        // enrolments so far
    int attempts;       // enrolments in the current course type (repeats after FAILED/DROPPED_OUT)
    LocalDate lastDate; // date of the last event sent or simulated
    ContractV2Draws.Course course; // the current course as its provider reports it (contract v2)

    Participant(String ref, District district) {
        this.ref = ref;
        this.district = district;
    }
}
