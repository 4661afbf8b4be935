/** Anbieter-Verwaltung: the admins' page to create providers and issue, rotate and revoke their keys. */
package de.weserems.integration.dashboard.providers.ui;
