package de.weserems.integration.demo;

import de.weserems.integration.events.District;

import de.weserems.integration.events.Sex;

import java.time.LocalDate;

/** A participant's state along the chain. Each participant has at most one pending step. */
final class Participant {
    final String ref;
    District district;
    int courses;        // enrolments so far
    int attempts;       // enrolments in the current course type (repeats after FAILED/DROPPED_OUT)
    LocalDate lastDate; // date of the last event sent or simulated
    ContractV2Draws.Course course; // the current course as its provider reports it (contract v2)
    Sex sex;            // as the providers record it, the same on all events; null if they record none
    boolean entitled;   // an entitlement to an integration course has been issued
    int courseDays;     // from the current course's start to its completion

    Participant(String ref, District district) {
        this.ref = ref;
        this.district = district;
    }
}
