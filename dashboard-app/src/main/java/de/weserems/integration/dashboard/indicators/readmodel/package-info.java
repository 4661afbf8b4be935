/** The indicator read model every instance keeps in full, and its readiness. */
package de.weserems.integration.dashboard.indicators.readmodel;
