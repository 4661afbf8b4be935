/** Judges every target on the published figures, keeps the breaches, counts and lists their starts and ends. */
package de.weserems.integration.dashboard.targets.judging;
