package de.weserems.integration.dashboard.base.export;

import java.util.List;

/**
 * What a page shows, ready to export: its title, the lines that say what is shown (the period, the
 * filters), and one or more tables with their header and rows as on the page. The exports write this and
 * nothing else, so a file never differs from the page it came from.
 *
 * @param title    the page's title ("Förderkette")
 * @param context  lines such as the period and the filters, each written above the tables
 * @param fileTag  what the file name says besides the page, e.g. the period ({@code 2026-01-2026-11})
 * @param sections the page's tables, in the page's order
 */
public record ShownTable(String title, List<String> context, String fileTag, List<Section> sections) {

    public ShownTable {
        context = List.copyOf(context);
        sections = List.copyOf(sections);
    }

    /**
     * One table of the page.
     *
     * @param title  its heading on the page, empty when the page's title names it
     * @param header the column headers as shown
     * @param rows   the rows as shown, each as long as the header
     */
    public record Section(String title, List<String> header, List<List<Cell>> rows) {

        public Section {
            header = List.copyOf(header);
            rows = rows.stream().map(List::copyOf).toList();
            for (List<Cell> row : rows) {
                if (row.size() != header.size()) {
                    throw new IllegalArgumentException("a row of " + row.size() + " cells under " + header.size()
                            + " columns in '" + title + "'");
                }
            }
        }
    }
}
