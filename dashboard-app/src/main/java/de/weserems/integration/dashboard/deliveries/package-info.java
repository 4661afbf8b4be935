/**
 * Data providers' deliveries as ingest's audit records them (per provider, per day and per district), and what the
 * indicator engine decided about their retractions.
 */
package de.weserems.integration.dashboard.deliveries;
