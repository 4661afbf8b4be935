/** The read API ({@code /api/v1/indicators}) as JSON and CSV. */
package de.weserems.integration.dashboard.indicators.api;
