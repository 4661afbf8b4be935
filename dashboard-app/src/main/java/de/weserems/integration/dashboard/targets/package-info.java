/**
 * Targets and alerts: admins set a target per indicator and area ({@code model}), kept in a compacted Kafka
 * topic that every instance tails ({@code store}); every target is judged on the published figures and a
 * breach that starts or ends is counted and listed ({@code judging}); {@code ui} is the admin view.
 */
package de.weserems.integration.dashboard.targets;
