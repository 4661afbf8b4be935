/** Exports of exactly what a page shows: the table as shown, its CSV for German Excel and .xlsx, and the download links. */
package de.weserems.integration.dashboard.base.export;
