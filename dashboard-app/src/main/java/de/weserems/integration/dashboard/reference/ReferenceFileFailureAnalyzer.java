package de.weserems.integration.dashboard.reference;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a broken reference file into Spring Boot's short "APPLICATION FAILED TO START" report: the
 * operator who wrote the file reads what is wrong with it, by line and field, instead of a stack trace.
 * Registered in {@code META-INF/spring.factories}.
 */
class ReferenceFileFailureAnalyzer extends AbstractFailureAnalyzer<ReferenceFileInvalid> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ReferenceFileInvalid cause) {
        return new FailureAnalysis(cause.getMessage(), "Die Datei berichtigen oder die Einstellung "
                + cause.setting() + " entfernen, dann neu starten. Das Format steht in docs/configuration.md.", cause);
    }
}
