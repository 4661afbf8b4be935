package de.weserems.integration.dashboard.base.security;

/** The two roles: VIEWER sees all dashboards and exports; ADMIN also sees the data-provider view. */
public final class Roles {

    public static final String VIEWER = "VIEWER";
    public static final String ADMIN = "ADMIN";

    private Roles() {
    }
}
