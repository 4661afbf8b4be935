/** The demo feeder of the local run: a synthetic data provider that posts through the real ingest API. */
package de.weserems.integration.demo;
