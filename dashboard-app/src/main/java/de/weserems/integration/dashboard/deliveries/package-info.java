/** What the data providers delivered, from ingest's audit topic: the admin's Datenlieferungen view. */
package de.weserems.integration.dashboard.deliveries;
