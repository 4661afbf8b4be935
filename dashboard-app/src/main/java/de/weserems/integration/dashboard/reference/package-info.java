/** Reference data the indicators rest on and that operators can replace without a rebuild. */
package de.weserems.integration.dashboard.reference;
