/** Answers over any period, district and course type: sums, rates, medians, and statistical confidentiality. */
package de.weserems.integration.dashboard.indicators.query;
