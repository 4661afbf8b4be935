package de.weserems.integration.dashboard.indicators.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import de.weserems.integration.events.CourseType;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The filters every view shares: a month range (2015-01 up to this month), presets for it, and the
 * course type. A change is handed to {@code onChange} as a new {@link ViewState}; the view then
 * navigates to it, so the browser history gets an entry.
 */
class FilterBar extends HorizontalLayout {

    private final Select<YearMonth> from = new Select<>();
    private final Select<YearMonth> to = new Select<>();
    private final Select<CourseType> course = new Select<>();
    private final YearMonth now;
    private final Consumer<ViewState> onChange;
    private ViewState state;
    private boolean showing;

    FilterBar(YearMonth now, Consumer<ViewState> onChange) {
        this.now = now;
        this.onChange = onChange;
        FigureFormat format = new FigureFormat(this);
        List<YearMonth> months = new ArrayList<>();
        for (YearMonth m = now; !m.isBefore(ViewState.FIRST); m = m.minusMonths(1)) {
            months.add(m);
        }
        setId("filter-bar");
        addClassName("filter-bar");
        setAlignItems(FlexComponent.Alignment.BASELINE);
        setWrap(true);
        for (Select<YearMonth> select : List.of(from, to)) {
            select.setItems(months);
            select.setItemLabelGenerator(format::month);
            select.setWidth("11em");
        }
        from.setId("filter-from");
        from.setLabel(getTranslation("filter.from"));
        to.setId("filter-to");
        to.setLabel(getTranslation("filter.to"));
        from.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                change(state.withPeriod(e.getValue(), e.getValue().isAfter(state.to()) ? e.getValue() : state.to()));
            }
        });
        to.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                change(state.withPeriod(e.getValue().isBefore(state.from()) ? e.getValue() : state.from(), e.getValue()));
            }
        });

        course.setId("filter-course");
        course.setLabel(getTranslation("filter.course"));
        course.setItems(CourseType.values());
        course.setEmptySelectionAllowed(true);
        course.setEmptySelectionCaption(getTranslation("filter.course.all"));
        course.setItemLabelGenerator(c -> c == null ? getTranslation("filter.course.all")
                : getTranslation("courseType." + c.name()));
        course.addValueChangeListener(e -> {
            explainCourseFilter(e.getValue());
            change(state.withCourseType(e.getValue()));
        });

        Button last12 = preset("filter.preset.last12", now.minusMonths(11), now);
        last12.setId("preset-last12");
        Button thisYear = preset("filter.preset.thisYear", YearMonth.of(now.getYear(), 1), now);
        thisYear.setId("preset-this-year");
        YearMonth quarterStart = YearMonth.of(now.getYear(), (now.getMonthValue() - 1) / 3 * 3 + 1).minusMonths(3);
        Button lastQuarter = preset("filter.preset.lastQuarter",
                quarterStart.isBefore(ViewState.FIRST) ? ViewState.FIRST : quarterStart, quarterStart.plusMonths(2));
        lastQuarter.setId("preset-last-quarter");
        add(from, to, last12, thisYear, lastQuarter, course);
    }

    /** Shows {@code shown} without reporting it back as a change. */
    void show(ViewState shown) {
        state = shown;
        showing = true;
        try {
            from.setValue(shown.from());
            to.setValue(shown.to());
            course.setValue(shown.courseType());
            explainCourseFilter(shown.courseType());
        } finally {
            showing = false;
        }
    }

    /**
     * Placements carry no course type, so a course filter cannot narrow them: said right at the filter,
     * so that nobody reads the placements beside a course type as that course's.
     */
    private void explainCourseFilter(CourseType chosen) {
        course.setHelperText(chosen == null ? null : getTranslation("filter.course.placementsNotFiltered"));
    }

    /** The current month, the last one a period may reach. */
    YearMonth now() {
        return now;
    }

    private Button preset(String key, YearMonth presetFrom, YearMonth presetTo) {
        Button button = new Button(getTranslation(key), e -> change(state.withPeriod(presetFrom, presetTo)));
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        return button;
    }

    private void change(ViewState changed) {
        if (!showing && state != null && !changed.equals(state)) {
            state = changed;
            onChange.accept(changed);
        }
    }
}
