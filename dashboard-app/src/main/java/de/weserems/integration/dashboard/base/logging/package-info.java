/** What every request's log lines carry: its request id. */
package de.weserems.integration.dashboard.base.logging;
