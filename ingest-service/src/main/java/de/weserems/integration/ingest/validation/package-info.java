/**
 * Ingest's check of each submitted item against the event contract (v2, which adds to v1; its per-type field rules
 * are {@code EventFields}, its course field rules {@code CourseFields}), with a stable code per broken rule.
 */
package de.weserems.integration.ingest.validation;
