/** Kafka plumbing that both services share: topic declarations, the replication floor and the broker health check for readiness. */
package de.weserems.integration.kafka;
