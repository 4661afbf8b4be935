/** The registry of data providers, their API keys, what each provider may report and its rate limit. */
package de.weserems.integration.ingest.providers;
