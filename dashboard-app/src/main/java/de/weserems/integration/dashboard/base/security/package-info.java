/** Who may see what: dashboard logins, roles VIEWER and ADMIN, HTTP basic for the read API. */
package de.weserems.integration.dashboard.base.security;
