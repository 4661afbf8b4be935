package de.weserems.integration.dashboard.upload.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.component.upload.UploadI18N;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;
import de.weserems.integration.dashboard.base.security.Roles;
import de.weserems.integration.dashboard.deliveries.ProviderActivity;
import de.weserems.integration.dashboard.upload.IngestClient;
import de.weserems.integration.dashboard.upload.IngestSettings;
import de.weserems.integration.dashboard.upload.Retractions;
import de.weserems.integration.dashboard.upload.Template;
import de.weserems.integration.dashboard.upload.UploadFile;
import de.weserems.integration.events.Region;
import jakarta.annotation.security.RolesAllowed;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Hochladen: a provider drops a CSV or .xlsx file, sees ingest's dry run as a table (row, field, what is wrong, in
 * ingest's words and the page's language), fixes the file and drops it again, then submits; the answer says how
 * many events were stored. "Diese Datei zurückziehen" retracts every event of the last file submitted in this
 * session. A PROVIDER uploads for its own provider id only; an ADMIN picks the provider. The dashboard hands the
 * bytes to ingest with its service credential ({@link IngestClient}); the key never reaches the browser.
 */
@Route("hochladen")
@PageTitle("nav.upload")
@Menu(title = "nav.upload", order = 6, icon = "vaadin:upload")
@RolesAllowed({Roles.PROVIDER, Roles.ADMIN})
public class UploadView extends VerticalLayout {

    /** The charset of Excel's "CSV (Trennzeichen-getrennt)" on German Windows. */
    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /** The last file submitted in this session, for "retract this file". */
    record Submitted(String providerId, String fileName, List<UploadFile.Sent> events) {
    }

    private final IngestClient ingest;
    private final Clock clock;
    private final String ownProvider;
    private final ComboBox<String> provider = new ComboBox<>();
    private final RadioButtonGroup<Charset> charset = new RadioButtonGroup<>();
    private final Upload upload;
    private final ProgressBar progress = new ProgressBar();
    private final Paragraph result = new Paragraph();
    private final Grid<IngestClient.Problem> problems = new Grid<>();
    private final Button submit;
    private final Button retract;
    private final Paragraph retractInfo = new Paragraph();
    private UploadFile file;

    public UploadView(IngestClient ingest, ProviderActivity activity, Clock clock) {
        this.ingest = ingest;
        this.clock = clock;
        Authentication user = SecurityContextHolder.getContext().getAuthentication();
        this.ownProvider = Roles.providerIdOf(user).orElse(null);

        add(new H2(getTranslation("upload.title")), new Paragraph(getTranslation("upload.intro")));
        if (ownProvider == null) {
            // an admin uploads for any provider: those that delivered before are offered, another may be typed
            provider.setId("upload-provider");
            provider.setLabel(getTranslation("upload.provider"));
            provider.setAllowCustomValue(true);
            provider.setItems(activity.summaries().stream().map(ProviderActivity.Summary::providerId).sorted().toList());
            provider.addCustomValueSetListener(e -> provider.setValue(e.getDetail()));
            add(provider);
        } else {
            Paragraph who = new Paragraph(getTranslation("upload.providerFixed", ownProvider));
            who.setId("upload-provider-fixed");
            add(who);
        }

        add(new H3(getTranslation("upload.template")), new Paragraph(getTranslation("upload.template.intro")),
                new HorizontalLayout(download("upload-template-csv", "upload.template.csv", Template.CSV_NAME,
                        "text/csv;charset=UTF-8", Template::csv),
                        download("upload-template-xlsx", "upload.template.xlsx", Template.XLSX_NAME, UploadFile.XLSX,
                                Template::xlsx)));

        charset.setId("upload-charset");
        charset.setLabel(getTranslation("upload.charset"));
        charset.setItems(StandardCharsets.UTF_8, WINDOWS_1252);
        charset.setItemLabelGenerator(c -> getTranslation(c.equals(WINDOWS_1252) ? "upload.charset.windows1252"
                : "upload.charset.utf8"));
        charset.setValue(StandardCharsets.UTF_8);

        upload = new Upload(UploadHandler.inMemory((metadata, bytes) -> {
            UI ui = UI.getCurrent();
            ui.access(() -> received(metadata.fileName(), bytes));
        }));
        upload.setId("upload-file");
        // the component's own buttons in the page's language (the other texts keep the component's defaults)
        upload.setI18n(new UploadI18N()
                .setAddFiles(new UploadI18N.AddFiles().setOne(getTranslation("upload.add")))
                .setDropFiles(new UploadI18N.DropFiles().setOne(getTranslation("upload.drop"))));
        upload.setMaxFiles(1);
        upload.setMaxFileSize(IngestSettings.MAX_FILE_BYTES);
        upload.setAcceptedFileTypes(".csv", ".xlsx", "text/csv", UploadFile.XLSX);
        upload.addFileRejectedListener(e -> show("upload.rejectedFile", e.getErrorMessage()));

        progress.setId("upload-progress");
        progress.setIndeterminate(true);
        progress.setVisible(false);
        result.setId("upload-result");

        problems.setId("upload-problems");
        // the reasons are whole sentences naming the likely cause: wrap them rather than cut them off
        problems.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        problems.getElement().setAttribute("aria-label", getTranslation("upload.problems"));
        problems.addColumn(IngestClient.Problem::row).setHeader(getTranslation("upload.column.row")).setAutoWidth(true);
        problems.addColumn(IngestClient.Problem::field).setHeader(getTranslation("upload.column.field"))
                .setAutoWidth(true);
        problems.addColumn(IngestClient.Problem::reason).setHeader(getTranslation("upload.column.reason"))
                .setFlexGrow(3);
        problems.setAllRowsVisible(true);
        problems.setVisible(false);

        submit = new Button(getTranslation("upload.submit"), e -> submit());
        submit.setId("upload-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.setVisible(false);
        retract = new Button(getTranslation("upload.retract"), e -> retract());
        retract.setId("upload-retract");
        retract.addThemeVariants(ButtonVariant.LUMO_ERROR);
        retractInfo.setId("upload-retract-info");

        add(new H3(getTranslation("upload.file")), charset, upload, progress, result, problems, submit,
                new H3(getTranslation("upload.retract.title")), retractInfo, retract);
        if (!ingest.configured()) {
            show("upload.notConfigured");
            upload.setVisible(false);
        }
        showSubmitted();
    }

    /** A file arrived from the browser: check it at once (dry run). */
    void received(String name, byte[] bytes) {
        // the next file (the corrected one) must find the list empty: it takes one file at a time
        upload.clearFileList();
        String who = providerId();
        if (who == null) {
            show("upload.chooseProvider");
            return;
        }
        file = UploadFile.of(name, bytes, charset.getValue());
        UploadFile checked = file;
        Locale language = locale();
        submit.setVisible(false);
        call(() -> ingest.deliver(who, checked.bytes(), checked.contentType(), true, language), answer -> {
            showAnswer(answer, true);
            submit.setVisible(answer.ok());
        });
    }

    private void submit() {
        UploadFile sent = file;
        String who = providerId();
        if (sent == null || who == null) {
            return;
        }
        Locale language = locale();
        submit.setVisible(false);
        call(() -> ingest.deliver(who, sent.bytes(), sent.contentType(), false, language), answer -> {
            showAnswer(answer, false);
            if (answer.ok()) {
                try {
                    VaadinSession.getCurrent().setAttribute(Submitted.class,
                            new Submitted(who, sent.name(), sent.events()));
                } catch (IOException e) {
                    VaadinSession.getCurrent().setAttribute(Submitted.class, null);
                }
                file = null;
                showSubmitted();
            }
        });
    }

    private void retract() {
        Submitted last = VaadinSession.getCurrent().getAttribute(Submitted.class);
        if (last == null || last.events().isEmpty()) {
            return;
        }
        byte[] body = Retractions.of(last.events(), LocalDate.ofInstant(clock.instant(), Region.ZONE));
        Locale language = locale();
        call(() -> ingest.deliver(last.providerId(), body, "application/json", false, language), answer -> {
            if (answer.ok()) {
                VaadinSession.getCurrent().setAttribute(Submitted.class, null);
                show("upload.retracted", answer.accepted(), last.fileName());
                showSubmitted();
            } else {
                showAnswer(answer, false);
            }
        });
    }

    /**
     * Asks ingest off the UI thread (a large file takes seconds) and shows the progress bar meanwhile; the answer
     * is shown by server push.
     */
    private void call(Supplier<IngestClient.Answer> request, Consumer<IngestClient.Answer> then) {
        UI ui = UI.getCurrent();
        progress.setVisible(true);
        upload.setEnabled(false);
        retract.setEnabled(false);
        show("upload.working");
        problems.setVisible(false);
        Thread.ofVirtual().name("upload-to-ingest").start(() -> {
            IngestClient.Answer answer = request.get();
            ui.access(() -> {
                progress.setVisible(false);
                upload.setEnabled(true);
                retract.setEnabled(true);
                then.accept(answer);
            });
        });
    }

    private void showAnswer(IngestClient.Answer answer, boolean dryRun) {
        problems.setItems(answer.problems());
        problems.setVisible(!answer.problems().isEmpty());
        if (answer.status() == 0) {
            show("upload.unreachable");
        } else if (answer.ok()) {
            show(dryRun ? "upload.checked" : "upload.stored", answer.accepted());
        } else if (!answer.problems().isEmpty()) {
            show("upload.invalid", answer.problems().stream().map(IngestClient.Problem::row).distinct().count()
                    + answer.notListed());
        } else {
            show("upload.refused", answer.status(), answer.title() == null ? "" : answer.title(),
                    answer.detail() == null ? "" : answer.detail());
        }
    }

    private void showSubmitted() {
        Submitted last = VaadinSession.getCurrent().getAttribute(Submitted.class);
        boolean any = last != null && !last.events().isEmpty();
        retract.setVisible(any);
        retractInfo.setText(any ? getTranslation("upload.retract.info", last.fileName(), last.events().size(),
                last.providerId()) : getTranslation("upload.retract.none"));
    }

    private void show(String key, Object... params) {
        result.setText(getTranslation(key, params));
    }

    private String providerId() {
        if (ownProvider != null) {
            return ownProvider;
        }
        String chosen = provider.getValue();
        return chosen == null || chosen.isBlank() ? null : chosen.strip();
    }

    /** The page's language; read on the UI thread (the request to ingest runs on another, which has no UI). */
    private Locale locale() {
        return getLocale() == null ? Locale.GERMAN : getLocale();
    }

    private Anchor download(String id, String key, String fileName, String contentType, Supplier<byte[]> content) {
        Anchor anchor = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] bytes = content.get();
            return new DownloadResponse(new ByteArrayInputStream(bytes), fileName, contentType, bytes.length);
        }), getTranslation(key));
        anchor.setId(id);
        anchor.getElement().setAttribute("download", true);
        return anchor;
    }
}
