/** The targets on their compacted Kafka topic: read in full by every instance, written by admins. */
package de.weserems.integration.dashboard.targets.store;
