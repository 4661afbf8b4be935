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
import de.weserems.integration.events.Outcome;
import de.weserems.integration.events.PlacementType;
import de.weserems.integration.events.Sex;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The templates hold the contract's columns and allowed values: a change of the contract breaks this test. */
class TemplateTest {

    @Test
    void the_csv_template_is_the_header_of_contract_v2_in_utf8_with_bom_and_semicolons() {
        String csv = new String(Template.csv(), StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFF").endsWith("\r\n");
        assertThat(csv.strip().substring(1).split(";")).containsExactlyElementsOf(EventFields.ALL);
        assertThat(EventFields.ALL).contains("retracts");
    }

    @Test
    void the_xlsx_template_has_the_contracts_columns_the_allowed_values_and_a_drop_down_per_closed_field() throws Exception {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(Template.xlsx()))) {
            DataFormatter text = new DataFormatter();
            XSSFSheet events = book.getSheet(Template.EVENTS_SHEET);
            assertThat(book.getSheetIndex(events)).as("the events come first: ingest reads the first sheet").isZero();
            Row header = events.getRow(0);
            List<String> columns = new ArrayList<>();
            header.forEach(cell -> columns.add(text.formatCellValue(cell)));
            assertThat(columns).containsExactlyElementsOf(EventFields.ALL);

            Sheet values = book.getSheet(Template.VALUES_SHEET);
            Map<String, List<String>> lists = new HashMap<>();
            for (int c = 0; c < values.getRow(0).getLastCellNum(); c++) {
                List<String> list = new ArrayList<>();
                for (int r = 1; r <= values.getLastRowNum(); r++) {
                    Row row = values.getRow(r);
                    if (row != null && row.getCell(c) != null && !text.formatCellValue(row.getCell(c)).isEmpty()) {
                        list.add(text.formatCellValue(row.getCell(c)));
                    }
                }
                lists.put(text.formatCellValue(values.getRow(0).getCell(c)), list);
            }
            // written out from the contract's types, not from Template: a new value there must show here
            assertThat(lists.get("type")).containsExactlyElementsOf(names(EventType.values()));
            assertThat(lists.get("district")).hasSize(17).containsExactlyElementsOf(
                    Arrays.stream(District.values()).map(District::ags).toList()).allMatch(a -> a.startsWith("03"));
            assertThat(lists.get("courseType")).containsExactlyElementsOf(names(CourseType.values()));
            assertThat(lists.get("outcome")).containsExactlyElementsOf(names(Outcome.values()));
            assertThat(lists.get("placementType")).containsExactlyElementsOf(names(PlacementType.values()));
            assertThat(lists.get("courseVariant")).containsExactlyElementsOf(names(CourseVariant.values()));
            assertThat(lists.get("targetLevel")).containsExactly("A1", "A2", "B1", "B2", "C1", "C2");
            assertThat(lists.get("attempt")).containsExactlyElementsOf(names(Attempt.values()));
            assertThat(lists.get("fundingSource")).containsExactlyElementsOf(names(FundingSource.values()));
            assertThat(lists.get("entitlement")).containsExactlyElementsOf(names(Entitlement.values()));
            assertThat(lists.get("issuer")).containsExactlyElementsOf(names(Issuer.values()));
            assertThat(lists.get("sex")).containsExactlyElementsOf(names(Sex.values()));
            assertThat(lists.get("Landkreis / kreisfreie Stadt")).contains("03454 " + District.byAgs("03454")
                    .orElseThrow().displayName());

            // each closed field's column on the first sheet offers exactly its list on the second
            Map<String, String> dropDowns = new HashMap<>();
            for (DataValidation validation : events.getDataValidations()) {
                var range = validation.getRegions().getCellRangeAddress(0);
                assertThat(range.getFirstRow()).isEqualTo(1);
                assertThat(range.getLastRow()).isEqualTo(Template.ROWS);
                assertThat(range.getFirstColumn()).isEqualTo(range.getLastColumn());
                dropDowns.put(EventFields.ALL.get(range.getFirstColumn()),
                        validation.getValidationConstraint().getFormula1());
            }
            assertThat(dropDowns.keySet()).containsExactlyInAnyOrderElementsOf(Template.allowedValues().keySet());
            int column = 0;
            for (String field : Template.allowedValues().keySet()) {
                String letter = org.apache.poi.ss.util.CellReference.convertNumToColString(column++);
                assertThat(dropDowns.get(field)).as(field).isEqualTo("'Werte'!$" + letter + "$2:$" + letter + "$"
                        + (lists.get(field).size() + 1));
                assertThat(text.formatCellValue(values.getRow(0).getCell(column - 1))).isEqualTo(field);
            }
            assertThat(dropDowns).doesNotContainKeys("eventId", "occurredOn", "participantRef", "retracts");
        }
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }
}
