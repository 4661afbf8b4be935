/** The audit contract: the summary of one ingest request that ingest writes to {@code integration.ingest-audit.v1} and the dashboard reads. */
package de.weserems.integration.events.audit;
