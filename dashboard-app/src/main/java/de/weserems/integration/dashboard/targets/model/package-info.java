/** What a target is: an indicator the published figures give, an area, a comparison, a threshold and a window. */
package de.weserems.integration.dashboard.targets.model;
