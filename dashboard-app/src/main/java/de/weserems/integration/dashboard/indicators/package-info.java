/** The indicator engine: the Kafka Streams topology, the counters, the read model every instance keeps, and the read API. */
package de.weserems.integration.dashboard.indicators;
