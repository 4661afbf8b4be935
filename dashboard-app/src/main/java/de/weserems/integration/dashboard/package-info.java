/** The dashboard: aggregates integration events into live per-district indicators and shows them. */
package de.weserems.integration.dashboard;
