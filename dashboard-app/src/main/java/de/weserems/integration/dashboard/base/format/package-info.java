/** How published numbers are written, one rule for the pages, their exports and the monthly report. */
package de.weserems.integration.dashboard.base.format;
