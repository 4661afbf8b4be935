/**
 * Engine generations: which one this instance runs, how far it has caught up with the event log, which
 * one every instance serves, and the command that removes an old one.
 */
package de.weserems.integration.dashboard.indicators.generation;
