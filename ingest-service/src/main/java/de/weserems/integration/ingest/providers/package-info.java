/** The registry of data providers, API-key authentication and what each provider may report. */
package de.weserems.integration.ingest.providers;
