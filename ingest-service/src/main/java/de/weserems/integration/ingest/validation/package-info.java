/** The rules of event contract v1, in one place. */
package de.weserems.integration.ingest.validation;
