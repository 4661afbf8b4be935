/** The upload page (Hochladen) for providers and admins. */
package de.weserems.integration.dashboard.upload.ui;
