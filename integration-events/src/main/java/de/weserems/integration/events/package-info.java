/** The shared vocabulary of the product: the event records on Kafka, their enums, the 17 districts and the topic names. */
package de.weserems.integration.events;
