/**
 * The demo feeder of the local run: a synthetic data provider that posts through the real ingest API.
 * {@link de.weserems.integration.demo.DemoFeeder} is the entry point and tells how the parts fit together.
 */
package de.weserems.integration.demo;
