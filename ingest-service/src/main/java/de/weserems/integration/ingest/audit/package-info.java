/**
 * The audit of deliveries: one summary per request (no payload; the shared {@code DeliveryRecord}) on
 * {@code integration.ingest-audit.v1}, and the recent ones per provider for {@code GET /api/v1/deliveries}.
 */
package de.weserems.integration.ingest.audit;
