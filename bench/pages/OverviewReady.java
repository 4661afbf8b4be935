package pages;

/**
 * When the dashboard's overview counts as ready, as scripts run in the page: {@code #district-table}
 * shows 17 districts (distinct {@code [data-ags]} cells with text) and, if a {@code district-map}
 * exists, it has {@code data-rendered-districts="17"}.
 */
final class OverviewReady {

    /** Returns the districts shown (negative while a district-map has not rendered them all). */
    static final String CHECK = """
            const grid = document.getElementById('district-table');
            if (!grid) return 0;
            const seen = new Set();
            grid.querySelectorAll('[data-ags]').forEach(e => {
              if (e.textContent.trim() !== '') seen.add(e.getAttribute('data-ags'));
            });
            const map = document.querySelector('district-map');
            if (map && map.getAttribute('data-rendered-districts') !== '17') return -seen.size;
            return seen.size;
            """;

    /**
     * Installed before every document of the measuring tab: notes the first moment the overview is
     * ready ({@code window.__overviewReadyAt}, {@code performance.now()}) at the DOM change that makes
     * it so, so the figure does not depend on how often WebDriver polls.
     */
    static final String OBSERVER = """
            (() => {
              const ready = () => { %s };
              const check = () => {
                if (window.__overviewReadyAt !== undefined) return;
                if (ready() >= 17) {
                  window.__overviewReadyAt = performance.now();
                  window.__overviewHasMap = document.querySelector('district-map') !== null;
                  observer.disconnect();
                  clearInterval(timer);
                }
              };
              const observer = new MutationObserver(check);
              observer.observe(document, {subtree: true, childList: true, attributes: true, characterData: true});
              const timer = setInterval(check, 50);
            })();
            """.formatted(CHECK);

    private OverviewReady() {
    }
}
