package de.weserems.integration.demo;

import de.weserems.integration.events.CourseType;
import de.weserems.integration.events.EventType;

import java.time.LocalDate;

/** What happens next to a participant, and when (the due date; the trickle may bring it forward). */
record Step(LocalDate due, long order, long key, Participant who, EventType type, CourseType course,
            boolean dropsOut) {}
