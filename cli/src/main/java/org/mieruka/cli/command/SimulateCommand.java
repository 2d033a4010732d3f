package org.mieruka.cli.command;

import java.net.URI;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mieruka.cli.Progress;
import org.mieruka.cli.ProjectRoot;
import org.mieruka.ingest.IngestConfig;
import org.mieruka.simulate.Municipality;
import org.mieruka.simulate.Simulation;
import org.mieruka.simulate.SimulationConfig;
import org.mieruka.simulate.SimulationFiles;
import org.mieruka.simulate.feed.EventSink;
import org.mieruka.simulate.feed.FeedDriver;
import org.mieruka.simulate.feed.HttpEventSink;
import org.mieruka.simulate.feed.KafkaEventSink;
import org.mieruka.simulate.feed.Pacer;
import org.mieruka.simulate.feed.ReferencePublisher;
import org.mieruka.simulate.truth.TruthReport;
import org.mieruka.simulate.workday.ActivityConfig;
import org.mieruka.simulate.workday.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code ./mieruka simulate}: a city at work whose true numbers are known — files always, and
 * optionally the events to Kafka (the collectors' producer path) or to the HTTP collector.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {"Simulate a city's working days with a telework pilot, and write the events, the reference "
                + "data, the scenario and the true value of every metric (docs/simulator.md).",
                "With --kafka or --http the events are also sent, in arrival order, at --rate events/s."})
public final class SimulateCommand implements Callable<Integer> {

    @Mixin
    ConfigFileOption config;

    @Option(names = "--out", paramLabel = "DIR", description = "Folder for the files (default: var/simulation).")
    Path out;

    @Option(names = "--seed", defaultValue = "1", description = "The only source of randomness (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--staff", defaultValue = "3000", description = "Staff of the city (default: ${DEFAULT-VALUE}).")
    int staff;

    @Option(names = "--from", description = "First simulated day (default: 2026-04-06, a Monday).")
    LocalDate from;

    @Option(names = "--to", description = "Last simulated day (default: 2026-07-26, 16 weeks).")
    LocalDate to;

    @Option(names = "--pilot-units", split = ",", paramLabel = "UNIT",
            description = "Treated sections (default: somu.jinji, kikaku.zaisei, zeimu.shiminzei, kodomo.kosodate).")
    List<String> pilotUnits;

    @Option(names = "--pilot-start", description = "First day of the pilot (default: 2026-06-01).")
    LocalDate pilotStart;

    @Option(names = "--home-share", description = "True effect: share of days at home for internal staff of the pilot (default: 0.35).")
    Double homeShare;

    @Option(names = "--cycle-effect", description = "True effect on waits and step durations in the pilot, e.g. -0.10 (default).")
    Double cycleEffect;

    @Option(names = "--after-hours-effect", description = "True effect on overtime in the pilot, e.g. -0.20 (default).")
    Double afterHoursEffect;

    @Option(names = "--online-shift", description = "True effect: points added to online meetings in the pilot, e.g. 0.30 (default).")
    Double onlineShift;

    @Option(names = "--trend", description = "Workload growth per week, e.g. 0.01 (default: 0).")
    Double trend;

    @Option(names = "--noise", description = "Week-to-week spread of each section's caseload, log-normal sigma (default: 0.15).")
    Double noise;

    @Option(names = "--kafka", description = "Also publish the events and reference data to Kafka (kafka.bootstrap).")
    boolean kafka;

    @Option(names = "--http", paramLabel = "URL", description = "Also post the events to this HTTP collector, e.g. http://127.0.0.1:8080.")
    URI http;

    @Option(names = "--token", paramLabel = "SOURCE=TOKEN",
            description = "With --http: the API token of each simulated source (pc-logon, satellite-office, docs-m365, "
                    + "teams, approval-sys, workmode-form), from ./mieruka tokens create.")
    Map<String, String> httpTokens;

    @Option(names = "--rate", defaultValue = "0", description = "Events per second when sending; 0: as fast as possible (default).")
    double rate;

    @Option(names = "--batch", defaultValue = "100", description = "Events per batch when sending (default: ${DEFAULT-VALUE}).")
    int batch;

    @Override
    public Integer call() throws Exception {
        Progress progress = new Progress(System.out);
        SimulationConfig cityConfig = SimulationConfig.defaults().withSeed(seed).withStaffCount(staff);
        ActivityConfig a = ActivityConfig.defaults();
        ActivityConfig activity = new ActivityConfig(from == null ? a.first() : from, to == null ? a.last() : to,
                a.baseHomeShare(), a.satelliteShare(), a.leaveShare(), a.meanGapMinutes(), a.afterHoursShare(),
                a.afterHoursMinutes(), a.holidayWorkShare(), a.meetingsPerStaff(), a.baseOnlineShare(), a.caseLoad(),
                a.meanWaitDays(), a.reportShareRemote(), a.reportShareOffice(), a.delayedShare(), a.lostShare(),
                a.duplicateShare(), trend == null ? a.trendPerWeek() : trend,
                noise == null ? a.unitWeekNoise() : noise);
        Scenario d = Scenario.defaults();
        Scenario scenario = new Scenario(d.interventionId(), d.nameJa(), d.nameEn(),
                pilotUnits == null ? d.treatedUnits() : pilotUnits, pilotStart == null ? d.start() : pilotStart,
                homeShare == null ? d.homeShare() : homeShare, cycleEffect == null ? d.cycleTimeEffect() : cycleEffect,
                afterHoursEffect == null ? d.afterHoursEffect() : afterHoursEffect,
                onlineShift == null ? d.onlineMeetingShift() : onlineShift);
        IngestConfig ingest = IngestConfig.load(config.file(), System.getenv(), Map.of());
        ZoneId zone = ZoneId.of("Asia/Tokyo");
        Path folder = out != null ? out : ProjectRoot.get().resolve("var").resolve("simulation");

        Municipality city = progress.step("Building the city (" + staff + " staff)", () -> Municipality.generate(cityConfig));
        ActivityConfig period = activity;
        Simulation simulation = progress.step("Simulating " + period.first() + " to " + period.last()
                + " and computing the truth", () -> Simulation.run(city, period, scenario, zone, n -> { }));
        SimulationFiles.Summary summary = progress.step("Writing " + folder,
                () -> SimulationFiles.write(simulation, folder));
        TruthReport.Counts counts = summary.counts();
        System.out.printf("  %,d events (%,d accepted, %,d repeated, %,d late), %,d employee-days, %,d cases%n",
                summary.events(), counts.accepted(), counts.duplicates(), counts.late(), counts.employeeDays(),
                counts.cases());

        if (kafka) {
            long published = progress.step("Publishing reference data to Kafka at " + ingest.bootstrap,
                    () -> new ReferencePublisher(ingest.bootstrap, ingest.topicsPrefix)
                            .publish(city, scenario.toIntervention()));
            System.out.printf("  %,d reference records%n", published);
            send(new KafkaEventSink(ingest), "Kafka " + ingest.bootstrap, simulation, progress);
        }
        if (http != null) {
            send(new HttpEventSink(http, zone, httpTokens == null ? Map.of() : httpTokens), "the collector at " + http,
                    simulation, progress);
        }
        return 0;
    }

    private void send(EventSink sink, String where, Simulation simulation, Progress progress) throws Exception {
        int total = simulation.events().size();
        try (sink) {
            FeedDriver driver = new FeedDriver(sink, batch, new Pacer(rate));
            progress.step("Sending " + String.format("%,d", total) + " events to " + where, () -> driver.send(
                    simulation.events(), sent -> progress.note(String.format("%,d / %,d events, %,.0f events/s",
                            sent, total, driver.achievedPerSecond()))));
            System.out.printf("  %,.0f events/s%n", driver.achievedPerSecond());
        }
    }
}
