/**
 * The shared vocabulary of the product and the event contract (v2, which adds to v1): the event records (as
 * submitted and as stored), their enums and per-type field rules, the 17 districts and the region, the
 * district-month key and the topic names.
 */
package de.weserems.integration.events;
