/** Ingest's check of each submitted item against event contract v1 (whose per-type field rules are {@code EventFields}), with a stable code per broken rule. */
package de.weserems.integration.ingest.validation;
