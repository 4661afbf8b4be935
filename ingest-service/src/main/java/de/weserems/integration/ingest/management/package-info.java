/** The management port: who may read health details and metrics, and that nothing else answers there. */
package de.weserems.integration.ingest.management;
