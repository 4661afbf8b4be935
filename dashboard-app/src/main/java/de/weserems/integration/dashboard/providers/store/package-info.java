/** The providers topic: read in full by every instance, written by the admin page, one record per provider. */
package de.weserems.integration.dashboard.providers.store;
