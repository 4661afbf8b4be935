/** What every page shares: the app shell with push, the layout and navigation, login, i18n and push throttling. */
package de.weserems.integration.dashboard.base.ui;
