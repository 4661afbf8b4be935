/** Turns valid events into Kafka records: pseudonymisation, topic declarations and the transactional producer. */
package de.weserems.integration.ingest.publishing;
