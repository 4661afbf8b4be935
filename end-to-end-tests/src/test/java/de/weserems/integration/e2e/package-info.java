/** End-to-end tests: ingest-service as its own process, a real Kafka broker, this dashboard on a random port. */
package de.weserems.integration.e2e;
