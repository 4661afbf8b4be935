/** The counters of one district and month as the indicator topic carries them, and what one completion adds to the chain. */
package de.weserems.integration.dashboard.indicators.model;
