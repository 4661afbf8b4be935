/** Operator commands that run without the web application, e.g. rebuilding the indicators. */
package de.weserems.integration.dashboard.ops;
