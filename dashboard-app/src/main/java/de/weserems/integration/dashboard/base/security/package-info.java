/**
 * Who may see what: the role model (VIEWER, ADMIN, STATISTICS, OPERATOR, PROVIDER; docs/configuration.md,
 * "Roles"), local logins and optional OIDC logins, throttled and cached logins, HTTP basic and bearer
 * tokens for the read API, the operators' management port and the browser headers.
 */
package de.weserems.integration.dashboard.base.security;
