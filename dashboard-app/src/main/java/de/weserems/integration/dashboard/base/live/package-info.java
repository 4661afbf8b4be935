/** What keeps pages live without knowing any feature: coalesced change notification, Kafka's data flow, the figures' status. */
package de.weserems.integration.dashboard.base.live;
