package de.weserems.integration.e2e;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import org.openqa.selenium.WebDriver;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * axe-core (the {@code axe.min.js} that Deque's Selenium runner ships) on the page the browser shows:
 * the rules of WCAG 2.0 and 2.1, levels A and AA. Every result goes to {@code target/axe/<name>.json};
 * a serious or critical violation fails, listed with its rule, impact, elements and help. Minor and
 * moderate ones are in the JSON to read, as are the checks axe could not decide ("incomplete").
 */
final class AxeCheck {

    static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    private static final Set<String> FAILING = Set.of("serious", "critical");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private AxeCheck() {
    }

    /** Runs axe on what {@code browser} shows now, writes the result as {@code name}, and fails on a serious violation. */
    static Results assertNoSeriousViolation(WebDriver browser, String name) throws Exception {
        Results results = new AxeBuilder().withTags(WCAG_21_AA).analyze(browser);
        Path dir = Path.of("target", "axe");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve(name + ".json"), JSON.writeValueAsString(results));
        assertThat(results.isErrored()).as("axe ran on %s: %s", name, results.getErrorMessage()).isFalse();
        assertThat(results.getPasses()).as("rules axe passed on %s (an empty page passes nothing)", name).isNotEmpty();
        List<Rule> serious = results.getViolations().stream().filter(rule -> FAILING.contains(rule.getImpact())).toList();
        if (!serious.isEmpty()) {
            throw new AssertionError("serious or critical WCAG 2.1 AA violations on " + name + " ("
                    + browser.getCurrentUrl() + "):\n" + describe(serious));
        }
        return results;
    }

    /** One line per rule and element: rule, impact, CSS selector (through shadow roots), help and its link. */
    static String describe(List<Rule> violations) {
        return violations.stream().flatMap(rule -> rule.getNodes().stream().map(node ->
                        "- " + rule.getId() + " [" + rule.getImpact() + "] " + target(node) + ": " + rule.getHelp()
                                + " (" + rule.getHelpUrl() + ")" + summary(node)))
                .collect(Collectors.joining("\n"));
    }

    private static String target(CheckedNode node) {
        return String.valueOf(node.getTarget());
    }

    private static String summary(CheckedNode node) {
        return node.getFailureSummary() == null ? "" : "\n    " + node.getFailureSummary().replace("\n", "\n    ");
    }
}
