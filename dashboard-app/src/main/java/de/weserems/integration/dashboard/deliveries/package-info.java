/** Data providers' deliveries as ingest's audit records them: per provider, per day and per district. */
package de.weserems.integration.dashboard.deliveries;
