package org.mieruka.simulate;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.mieruka.schemas.calendar.CityCalendar;
import org.mieruka.schemas.reference.CalendarDay;
import org.mieruka.schemas.reference.DirectoryEntry;

/**
 * The simulated city's reference data: org chart, process catalog, staff directory with its
 * personnel changes, and calendar. Everything follows from the config; the seed is the only
 * randomness.
 *
 * @param directory the hired rows (valid from the first day, in id order), then each change
 *                  day's rows in id order
 */
public record Municipality(SimulationConfig config, OrgChart orgChart, ProcessCatalog catalog,
        List<DirectoryEntry> directory, CityCalendar calendar, List<CalendarDay> calendarDays) {

    public static Municipality generate(SimulationConfig config) {
        OrgChart chart = OrgChart.standard();
        ProcessCatalog catalog = ProcessCatalog.standard(chart);
        // One stream per part, split in a fixed order, so a change in how one part draws does
        // not reshuffle the others.
        SplittableRandom root = new SplittableRandom(config.seed());
        SplittableRandom hiring = root.split();
        SplittableRandom moves = root.split();
        List<DirectoryEntry> hired = StaffRoster.hire(chart, config, hiring);
        List<DirectoryEntry> directory = new ArrayList<>(hired);
        directory.addAll(PersonnelChanges.apply(hired, chart, config, moves));
        CityCalendar calendar = new CityCalendar(config.closingPeriods(), List.of());
        return new Municipality(config, chart, catalog, List.copyOf(directory), calendar,
                calendar.entries(config.firstDay(), config.lastDay()));
    }
}
