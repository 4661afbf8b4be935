/** The ingest service: data providers push integration events over HTTP; they are validated, pseudonymised and published to Kafka. */
package de.weserems.integration.ingest;
