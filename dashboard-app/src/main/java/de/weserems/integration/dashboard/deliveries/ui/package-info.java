/** The admins' Datenlieferungen page. */
package de.weserems.integration.dashboard.deliveries.ui;
