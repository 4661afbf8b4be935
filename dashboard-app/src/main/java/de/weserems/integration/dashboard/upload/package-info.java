/**
 * A provider's file handed to ingest with the dashboard's service credential: dry run, submission, retraction of an
 * earlier upload, and the template of contract v2 to fill in.
 */
package de.weserems.integration.dashboard.upload;
