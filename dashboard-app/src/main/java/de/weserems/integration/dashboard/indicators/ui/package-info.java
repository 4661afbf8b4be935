/** The indicator views: overview map, district, comparison, chain and method pages, updated live by server push. */
package de.weserems.integration.dashboard.indicators.ui;
