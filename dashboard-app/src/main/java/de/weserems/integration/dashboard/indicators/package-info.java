/**
 * The indicators feature: {@code engine} counts the event log with Kafka Streams into {@code model}
 * records on the indicator topic; {@code readmodel} keeps them in every instance; {@code query} answers
 * with confidentiality applied; {@code api} and {@code ui} show the answers.
 */
package de.weserems.integration.dashboard.indicators;
