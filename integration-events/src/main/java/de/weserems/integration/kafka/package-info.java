/** Kafka plumbing that both services share: the broker health check for readiness. */
package de.weserems.integration.kafka;
