package com.claimflow.identity;

import java.util.Locale;

/** The brief's groups and the Spring roles they map to. */
public final class Roles {
    public static final String CODERS = "coders";
    public static final String BILLERS = "billers";
    public static final String LEADS = "leads";
    public static final String COMPLIANCE = "compliance";
    public static final String ADMINS = "admins";

    public static final String ROLE_CODERS = "CODERS";
    public static final String ROLE_BILLERS = "BILLERS";
    public static final String ROLE_LEADS = "LEADS";
    public static final String ROLE_COMPLIANCE = "COMPLIANCE";
    public static final String ROLE_ADMINS = "ADMINS";

    private Roles() {
    }

    public static String of(String group) {
        return "ROLE_" + group.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    public static String groupOf(String authority) {
        return authority.startsWith("ROLE_") ? authority.substring(5).toLowerCase(Locale.ROOT).replace('_', '-') : authority;
    }
}
