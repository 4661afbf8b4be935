package de.weserems.integration.dashboard.base.export;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.server.streams.DownloadEvent;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.function.SerializableFunction;
import com.vaadin.flow.function.SerializableSupplier;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;

/**
 * "CSV (Excel)" and "Excel (.xlsx)": two download links for what a page shows now. The table is taken from
 * the page when the link is followed, under the page's lock and in its language, so the file holds the
 * figures, rows and filters on screen at that moment. Use: {@code add(new ExportLinks("foerderkette",
 * this::shownTable))}; the file is named {@code foerderkette-<tag>.csv} with the table's {@link ShownTable#fileTag()}.
 */
public class ExportLinks extends HorizontalLayout {

    private final String baseName;
    private final SerializableSupplier<ShownTable> table;

    public ExportLinks(String baseName, SerializableSupplier<ShownTable> table) {
        this.baseName = baseName;
        this.table = table;
        setId(baseName + "-export");
        setAlignItems(FlexComponent.Alignment.BASELINE);
        addClassName("export-links");
        Span label = new Span(getTranslation("export.label"));
        label.addClassName("muted");
        add(label, link("csv", getTranslation("export.csv"), "text/csv;charset=UTF-8",
                        t -> Csv.GERMAN_EXCEL.write(t).getBytes(StandardCharsets.UTF_8)),
                link("xlsx", getTranslation("export.xlsx"),
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", Xlsx::write));
        getElement().setAttribute("role", "group");
        getElement().setAttribute("aria-label", getTranslation("export.label"));
    }

    /** The table the page shows now (call it under the page's lock, as a request to the page is). */
    public ShownTable table() {
        return table.get();
    }

    /** The CSV for German Excel of what the page shows now. */
    public String csv() {
        return Csv.GERMAN_EXCEL.write(table());
    }

    /** The .xlsx of what the page shows now. */
    public byte[] xlsx() {
        return Xlsx.write(table());
    }

    /** The file's name: the page, the table's tag (the period), the extension; only characters every system keeps. */
    public String fileName(ShownTable shown, String extension) {
        String tag = shown.fileTag() == null || shown.fileTag().isBlank() ? "" : "-" + shown.fileTag();
        return (baseName + tag).replaceAll("[^A-Za-z0-9._-]", "_") + "." + extension;
    }

    private Anchor link(String extension, String text, String contentType,
                        SerializableFunction<ShownTable, byte[]> writer) {
        DownloadHandler handler = event -> download(event, extension, contentType, writer);
        Anchor anchor = new Anchor(handler, AttachmentType.DOWNLOAD, text);
        anchor.setId(baseName + "-" + extension);
        return anchor;
    }

    private void download(DownloadEvent event, String extension, String contentType,
                          SerializableFunction<ShownTable, byte[]> writer) throws IOException {
        UI ui = event.getUI();
        AtomicReference<ShownTable> shown = new AtomicReference<>();
        // the page's components may be read only under the session's lock; the UI also gives the page's language
        ui.accessSynchronously(() -> shown.set(table()));
        byte[] bytes = writer.apply(shown.get());
        event.setFileName(fileName(shown.get(), extension));
        event.setContentType(contentType);
        event.setContentLength(bytes.length);
        try (OutputStream out = event.getOutputStream()) {
            out.write(bytes);
        }
    }
}
