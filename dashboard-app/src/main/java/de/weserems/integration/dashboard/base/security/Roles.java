package de.weserems.integration.dashboard.base.security;

/**
 * The roles: VIEWER sees all dashboards and exports; ADMIN also sets targets and sees the data-provider view and the
 * engine; STATISTICS (the statistics staff, who hold the microdata anyway) may also ask the read API
 * for exact figures ({@code exact=true}). ADMIN and STATISTICS include VIEWER.
 */
public final class Roles {

    public static final String VIEWER = "VIEWER";
    public static final String ADMIN = "ADMIN";
    public static final String STATISTICS = "STATISTICS";
    public static final String OPERATOR = "OPERATOR";
    public static final String PROVIDER = "PROVIDER";

    private Roles() {
    }
}
