/** The indicator engine: the Kafka Streams topology, its stores and internal formats, and the dead-letter handling. */
package de.weserems.integration.dashboard.indicators.engine;
