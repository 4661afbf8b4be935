/** The indicator views: overview of the 17 districts, updated live by server push. */
package de.weserems.integration.dashboard.indicators.ui;
