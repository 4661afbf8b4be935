package de.weserems.integration.dashboard.upload;

import de.weserems.integration.events.Attempt;
import de.weserems.integration.events.CourseType;
import de.weserems.integration.events.CourseVariant;
import de.weserems.integration.events.District;
import de.weserems.integration.events.Entitlement;
import de.weserems.integration.events.EventFields;
import de.weserems.integration.events.EventType;
import de.weserems.integration.events.FundingSource;
import de.weserems.integration.events.Issuer;
import de.weserems.integration.events.LanguageLevel;
import de.weserems.integration.events.Outcome;
import de.weserems.integration.events.PlacementType;
import de.weserems.integration.events.Sex;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The templates a provider fills in: the columns of contract v2 ({@link EventFields#ALL}, incl. {@code retracts})
 * as a CSV file (UTF-8 with BOM, so that Excel opens it right; {@code ;}, which German Excel writes and ingest
 * reads) and as an .xlsx workbook whose second sheet lists the allowed values, with drop-down lists on the first
 * sheet's columns. Both are made from the contract's own types, so a change of the contract changes them.
 */
public final class Template {

    public static final String CSV_NAME = "vorlage-ereignisse.csv";
    public static final String XLSX_NAME = "vorlage-ereignisse.xlsx";
    /** The first sheet: the events. */
    public static final String EVENTS_SHEET = "Ereignisse";
    /** The second sheet: the allowed values, one column per field. */
    public static final String VALUES_SHEET = "Werte";
    /** Rows with drop-down lists: as many as ingest takes per request ({@code ingest.limits.max-events}). */
    static final int ROWS = 10_000;

    private Template() {
    }

    /** The allowed values per field with a closed set, in contract order; districts as AGS. */
    public static Map<String, List<String>> allowedValues() {
        Map<String, List<String>> values = new LinkedHashMap<>();
        values.put(EventFields.TYPE, names(EventType.values()));
        values.put(EventFields.DISTRICT, Arrays.stream(District.values()).map(District::ags).toList());
        values.put(EventFields.COURSE_TYPE, names(CourseType.values()));
        values.put(EventFields.OUTCOME, names(Outcome.values()));
        values.put(EventFields.LANGUAGE_LEVEL, names(LanguageLevel.values()));
        values.put(EventFields.PLACEMENT_TYPE, names(PlacementType.values()));
        values.put(EventFields.COURSE_VARIANT, names(CourseVariant.values()));
        // a course leads to a level of the scale, never to "below A1"
        values.put(EventFields.TARGET_LEVEL, Arrays.stream(LanguageLevel.values())
                .filter(l -> l != LanguageLevel.BELOW_A1).map(Enum::name).toList());
        values.put(EventFields.ATTEMPT, names(Attempt.values()));
        values.put(EventFields.FUNDING_SOURCE, names(FundingSource.values()));
        values.put(EventFields.ENTITLEMENT, names(Entitlement.values()));
        values.put(EventFields.ISSUER, names(Issuer.values()));
        values.put(EventFields.SEX, names(Sex.values()));
        return values;
    }

    /** The CSV template: the header row of contract v2. */
    public static byte[] csv() {
        return ("\uFEFF" + String.join(";", EventFields.ALL) + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    /** The .xlsx template: the header row, the allowed values on the second sheet, drop-down lists. */
    public static byte[] xlsx() {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet events = book.createSheet(EVENTS_SHEET);
            Sheet values = book.createSheet(VALUES_SHEET);
            CellStyle bold = book.createCellStyle();
            Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            // text, not numbers: Excel would turn 03454 into 3454 and a long reference into 1,23E+11
            CellStyle text = book.createCellStyle();
            text.setDataFormat(book.createDataFormat().getFormat("@"));

            Row header = events.createRow(0);
            for (int c = 0; c < EventFields.ALL.size(); c++) {
                header.createCell(c).setCellValue(EventFields.ALL.get(c));
                header.getCell(c).setCellStyle(bold);
                events.setDefaultColumnStyle(c, text);
                events.setColumnWidth(c, 20 * 256);
            }
            events.createFreezePane(0, 1);

            Map<String, List<String>> allowed = allowedValues();
            Row names = values.createRow(0);
            int column = 0;
            DataValidationHelper helper = events.getDataValidationHelper();
            for (Map.Entry<String, List<String>> field : allowed.entrySet()) {
                names.createCell(column).setCellValue(field.getKey());
                names.getCell(column).setCellStyle(bold);
                List<String> list = field.getValue();
                for (int r = 0; r < list.size(); r++) {
                    Row row = values.getRow(r + 1) == null ? values.createRow(r + 1) : values.getRow(r + 1);
                    row.createCell(column).setCellValue(list.get(r));
                }
                String letter = CellReference.convertNumToColString(column);
                String range = "'" + VALUES_SHEET + "'!$" + letter + "$2:$" + letter + "$" + (list.size() + 1);
                int target = EventFields.ALL.indexOf(field.getKey());
                DataValidation validation = helper.createValidation(helper.createFormulaListConstraint(range),
                        new CellRangeAddressList(1, ROWS, target, target));
                validation.setShowErrorBox(true);
                validation.setErrorStyle(DataValidation.ErrorStyle.STOP);
                validation.createErrorBox("Ungültiger Wert", "Bitte einen Wert aus der Liste (Blatt „"
                        + VALUES_SHEET + "“) wählen.");
                events.addValidationData(validation);
                values.setColumnWidth(column, 24 * 256);
                column++;
            }
            // the districts' names beside their codes, for the person filling in
            names.createCell(column).setCellValue("Landkreis / kreisfreie Stadt");
            names.getCell(column).setCellStyle(bold);
            District[] districts = District.values();
            for (int r = 0; r < districts.length; r++) {
                values.getRow(r + 1).createCell(column).setCellValue(districts[r].ags() + " " + districts[r].displayName());
            }
            values.setColumnWidth(column, 36 * 256);
            book.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }
}
