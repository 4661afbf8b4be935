package de.weserems.integration.dashboard.base.export;

import java.util.List;
import java.util.Locale;

/** A page's table as the exports' tests need it: a count, a decimal, a rate, a withheld and an unreported cell. */
final class ExportTables {

    private ExportTables() {
    }

    static final Locale DE = Locale.GERMANY;

    static ShownTable chain() {
        ShownTable.Section section = new ShownTable.Section("", List.of("Kreis", "AGS", "Offen", "Je 10.000", "Quote"),
                List.of(List.of(Cell.text("Emsland"), Cell.shown("03454", DE), Cell.shown("1.234", DE),
                                Cell.shown("12,5", DE), Cell.shown("82,1 %", DE)),
                        List.of(Cell.text("Leer; \"Ostfriesland\""), Cell.shown("03457", DE), Cell.shown("–", DE),
                                Cell.shown("0,0", DE), Cell.shown("–", DE)),
                        List.of(Cell.text("Wittmund"), Cell.shown("03462", DE), Cell.shown("keine Meldungen", DE),
                                Cell.shown("keine Meldungen", DE), Cell.shown("keine Meldungen", DE))));
        return new ShownTable("Förderkette", List.of("Zeitraum: Januar 2026 bis November 2026",
                "Kursart: alle Kursarten"), "2026-01-2026-11", List.of(section));
    }
}
