package de.weserems.integration.dashboard.reference;

/**
 * A reference file the operator supplied cannot be used. Thrown at start, so the service does not run
 * on figures nobody meant; {@link ReferenceFileFailureAnalyzer} prints the message without a stack trace.
 */
class ReferenceFileInvalid extends IllegalStateException {

    private final String setting;

    ReferenceFileInvalid(String setting, String message) {
        super(message);
        this.setting = setting;
    }

    /** The setting that names the file. */
    String setting() {
        return setting;
    }
}
