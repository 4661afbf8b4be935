/** Ziele: the admin view that sets and deletes targets. */
package de.weserems.integration.dashboard.targets.ui;
