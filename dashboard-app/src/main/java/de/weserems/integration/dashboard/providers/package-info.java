/** Provider and key management for admins: providers, their districts and API keys on the providers topic. */
package de.weserems.integration.dashboard.providers;
