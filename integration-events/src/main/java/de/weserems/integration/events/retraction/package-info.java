/**
 * The outcome contract of retractions: what the indicator engine decided about each retraction, written to
 * {@code integration.retraction-outcomes.v1} and shown to admins on the dashboard's Datenlieferungen page.
 */
package de.weserems.integration.events.retraction;
