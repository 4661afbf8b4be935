/**
 * The monthly report: a printable PDF per district (or the region) and month, built on the server from the same
 * published figures the views and the read API show ({@code indicators.query}), linked from the district page.
 */
package de.weserems.integration.dashboard.report;
