package org.mieruka.streams.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mieruka.schemas.config.InvalidConfigException;
import org.mieruka.schemas.deadletter.DeadLetter;
import org.mieruka.schemas.deadletter.RejectionReason;
import org.mieruka.schemas.event.EventKind;
import org.mieruka.schemas.event.PseudonymousEvent;
import org.mieruka.schemas.event.WorkEvent;
import org.mieruka.schemas.serde.Serdes;
import org.mieruka.schemas.source.AttributeAllowList;
import org.mieruka.schemas.topic.TopicCatalog;
import org.mieruka.streams.StreamsAppConfig;
import org.mieruka.streams.TestSourcesFile;

class PrivacyTopologyTest {

    private static final String PREFIX = "t.";
    private static final String KEY_2025 = Base64.getEncoder().encodeToString("a-key-of-thirty-two-bytes-length".getBytes());
    private static final String KEY_2026 = Base64.getEncoder().encodeToString("another-key-thirty-two-bytes-ok!".getBytes());

    /** docs-m365 keeps "app"; approval-sys, workmode-form and zoom keep only what the contract defines. */
    private static final AttributeAllowList SOURCES = new AttributeAllowList(Map.of("docs-m365", Set.of("app"),
            "approval-sys", Set.of(), "workmode-form", Set.of(), "zoom", Set.of()));

    @TempDir
    Path dir;
    private TopologyTestDriver driver;
    private TestInputTopic<byte[], byte[]> raw;
    private TestOutputTopic<String, PseudonymousEvent> pseudonymous;
    private TestOutputTopic<String, DeadLetter> deadLetters;
    private SimpleMeterRegistry registry;

    private static PseudonymKeys keys(String active) {
        List<String> problems = new ArrayList<>();
        PseudonymKeys keys = PseudonymKeys.parse("k2025=" + KEY_2025 + ",k2026=" + KEY_2026, active, problems);
        assertThat(problems).isEmpty();
        return keys;
    }

    @BeforeEach
    void start() {
        registry = new SimpleMeterRegistry();
        StreamsBuilder builder = new StreamsBuilder();
        PrivacyTopology.build(builder, PREFIX, keys("k2026"), SOURCES, java.time.ZoneId.of("Asia/Tokyo"),
                java.time.Duration.ofDays(14), registry);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "privacy-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        driver = new TopologyTestDriver(builder.build(), props);
        raw = driver.createInputTopic(TopicCatalog.RAW_EVENTS.name(PREFIX), new ByteArraySerializer(),
                new ByteArraySerializer());
        pseudonymous = driver.createOutputTopic(TopicCatalog.PSEUDONYMOUS_EVENTS.name(PREFIX), new StringDeserializer(),
                Serdes.pseudonymousEvent().deserializer());
        deadLetters = driver.createOutputTopic(TopicCatalog.DEAD_LETTER.name(PREFIX), new StringDeserializer(),
                Serdes.deadLetter().deserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    private static WorkEvent.Builder event(String id) {
        return WorkEvent.newBuilder().setEventId(id).setSourceSystem("docs-m365").setKind(EventKind.DOCUMENT)
                .setAction("edited").setOccurredAt(Instant.parse("2026-04-06T00:12:00Z")).setEmployee("E004211")
                .setObjectId("doc-1").setAttributes(new HashMap<>(Map.of("app", "word")));
    }

    private void send(WorkEvent event) {
        raw.pipeInput(new TestRecord<>((event.getSourceSystem() + "/" + event.getEventId()).getBytes(),
                Serdes.workEvent().encode(event)));
    }

    private double count(String name, String tag, String value) {
        return registry.find(name).tag(tag, value).counter() == null ? 0
                : registry.find(name).tag(tag, value).counter().count();
    }

    @Test
    void shouldReplaceTheStaffIdWithItsPseudonymUnderTheActiveKeyAndKeyTheRecordByIt() {
        send(event("e1").build());

        TestRecord<String, PseudonymousEvent> out = pseudonymous.readRecord();

        assertThat(out.value().getEmployeePseudonym()).matches("[0-9a-f]{32}")
                .isEqualTo(keys("k2026").pseudonym("E004211")).isNotEqualTo(keys("k2025").pseudonym("E004211"));
        assertThat(out.value().getPseudonymKey()).isEqualTo("k2026");
        assertThat(out.key()).isEqualTo(out.value().getEmployeePseudonym());
        assertThat(new String(Serdes.pseudonymousEvent().encode(out.value()), StandardCharsets.ISO_8859_1))
                .doesNotContain("E004211");
        assertThat(out.value().getAttributes()).containsEntry("app", "word");
    }

    @Test
    void shouldCountADuplicateEventOnceAndAChangedRepeatAsAConflict() {
        send(event("e1").build());
        send(event("e1").setReceivedAt(Instant.parse("2026-04-06T00:15:00Z")).build()); // same facts, resent
        send(event("e1").setAction("viewed").build()); // same id, other content: the first stays

        assertThat(pseudonymous.readValuesToList()).singleElement()
                .satisfies(e -> assertThat(e.getAction()).isEqualTo("edited"));
        assertThat(count("mieruka.streams.privacy.events", "outcome", "duplicate")).isEqualTo(2);
        assertThat(registry.find("mieruka.streams.privacy.conflicts").counter().count()).isEqualTo(1);
    }

    @Test
    void shouldForgetAnEventIdOnceItIsOlderThanTheRawTopicKeepsEvents() {
        Instant start = Instant.parse("2026-01-05T00:00:00Z");
        raw.pipeInput(new TestRecord<>("k".getBytes(), Serdes.workEvent().encode(event("old").build()), start));
        raw.pipeInput(new TestRecord<>("k".getBytes(), Serdes.workEvent().encode(event("old").build()),
                start.plusSeconds(60))); // a repeat soon after: dropped
        // 91 days later another event moves stream time past the 90 days the raw topic keeps
        raw.pipeInput(new TestRecord<>("k".getBytes(), Serdes.workEvent().encode(event("later").build()),
                start.plus(java.time.Duration.ofDays(91))));
        raw.pipeInput(new TestRecord<>("k".getBytes(), Serdes.workEvent().encode(event("old").build()),
                start.plus(java.time.Duration.ofDays(91)).plusSeconds(1)));

        assertThat(pseudonymous.readValuesToList()).extracting(PseudonymousEvent::getEventId)
                .containsExactly("old", "later", "old");
        assertThat(driver.getTimestampedKeyValueStore(PrivacyTopology.SEEN_STORE).approximateNumEntries())
                .isEqualTo(2);
    }

    @Test
    void shouldRefuseAnEventThatComesAfterItsSourcesStreamTimePassedItsDatePlusTheGrace() {
        // 6 April (Tokyo) ends at 2026-04-06T15:00Z; plus 14 days: 2026-04-20T15:00Z.
        send(event("first").setOccurredAt(Instant.parse("2026-04-06T01:00:00Z")).build());
        send(event("now").setOccurredAt(Instant.parse("2026-04-20T15:00:00Z")).build()); // exactly the deadline
        send(event("in-time").setOccurredAt(Instant.parse("2026-04-06T02:00:00Z")).build());
        send(event("later").setOccurredAt(Instant.parse("2026-04-20T15:00:01Z")).build());
        send(event("too-late").setOccurredAt(Instant.parse("2026-04-06T03:00:00Z")).build());
        send(event("other-source").setSourceSystem("zoom").setOccurredAt(Instant.parse("2026-04-06T03:00:00Z")).build());

        assertThat(pseudonymous.readValuesToList()).extracting(PseudonymousEvent::getEventId)
                .containsExactly("first", "now", "in-time", "later", "other-source");
        DeadLetter late = deadLetters.readValue();
        assertThat(late.getReason()).isEqualTo(RejectionReason.LATE);
        assertThat(late.getField()).isEqualTo("occurred_at");
        assertThat(late.getPayload()).as("kept for replay: nothing private about lateness").isNotNull();
    }

    @Test
    void shouldRefuseALateEventThatCarriesAnIndividualNumberForPrivacyWithItsPayloadWithheld() {
        send(event("first").setOccurredAt(Instant.parse("2026-04-21T00:00:00Z")).build());
        send(event("late-mn").setOccurredAt(Instant.parse("2026-04-06T03:00:00Z")).setObjectId("個人番号123456789018")
                .build());

        DeadLetter letter = deadLetters.readValue();
        assertThat(letter.getReason()).as("privacy first, LATE last (events.md)").isEqualTo(RejectionReason.MY_NUMBER);
        assertThat(letter.getPayload()).isNull();
        assertThat(letter.getPayloadWithheld()).isTrue();
        assertThat(count("mieruka.streams.privacy.rejected", "reason", "LATE")).isZero();
    }

    @Test
    void shouldPublishTheDirectoryUnderTheSamePseudonymsAndCarryTombstonesOver() {
        TestInputTopic<byte[], byte[]> directory = driver.createInputTopic(TopicCatalog.DIRECTORY.name(PREFIX),
                new ByteArraySerializer(), new ByteArraySerializer());
        TestOutputTopic<String, org.mieruka.schemas.reference.PseudonymousDirectoryEntry> out = driver.createOutputTopic(
                TopicCatalog.DIRECTORY_PSEUDONYMOUS.name(PREFIX), new StringDeserializer(),
                Serdes.pseudonymousDirectoryEntry().deserializer());
        org.mieruka.schemas.reference.DirectoryEntry row = org.mieruka.schemas.reference.DirectoryEntry.newBuilder()
                .setEmployee("E004211").setOrgUnit("shimin.shimin").setJobClass("主事")
                .setDutyType(org.mieruka.schemas.reference.DutyType.COUNTER).setFte(1.0)
                .setValidFrom(java.time.LocalDate.of(2026, 4, 1)).build();

        directory.pipeInput("E004211/2026-04-01".getBytes(), Serdes.directoryEntry().encode(row));
        directory.pipeInput("E004211/2026-04-01".getBytes(), (byte[]) null);
        directory.pipeInput("x".getBytes(), "not avro".getBytes());
        send(event("e1").build());

        String pseudonym = pseudonymous.readValue().getEmployeePseudonym();
        List<TestRecord<String, org.mieruka.schemas.reference.PseudonymousDirectoryEntry>> rows = out.readRecordsToList();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).key()).isEqualTo(pseudonym + "/2026-04-01");
        assertThat(rows.get(0).value().getEmployeePseudonym()).isEqualTo(pseudonym);
        assertThat(rows.get(0).value().getOrgUnit()).isEqualTo("shimin.shimin");
        assertThat(rows.get(1).key()).isEqualTo(pseudonym + "/2026-04-01");
        assertThat(rows.get(1).value()).as("a tombstone stays one").isNull();
        assertThat(registry.find("mieruka.streams.privacy.directory.unreadable").counter().count()).isEqualTo(1);
    }

    @Test
    void shouldRefuseAnIndividualNumberWithAValidCheckDigitAndWithholdThePayload() {
        send(event("mn-valid").setObjectId("個人番号123456789018").build()); // 8 is the check digit of 12345678901
        send(event("mn-invalid").setObjectId("個人番号123456789012").build()); // wrong check digit: not a number

        List<DeadLetter> letters = deadLetters.readValuesToList();
        assertThat(letters).singleElement().satisfies(letter -> {
            assertThat(letter.getReason()).isEqualTo(RejectionReason.MY_NUMBER);
            assertThat(letter.getField()).isEqualTo("object_id");
            assertThat(letter.getPayload()).isNull();
            assertThat(letter.getPayloadWithheld()).isTrue();
            assertThat(letter.getMessage()).doesNotContain("123456789018");
        });
        assertThat(pseudonymous.readValuesToList()).extracting(PseudonymousEvent::getEventId).containsExactly("mn-invalid");
    }

    @Test
    void shouldRefuseAStaffIdThatIsAnEMailAddressRatherThanPseudonymiseIt() {
        send(event("pd").setEmployee("taro.yamada@city.example.lg.jp").build());

        assertThat(deadLetters.readValue().getReason()).isEqualTo(RejectionReason.PERSONAL_DATA);
        assertThat(pseudonymous.isEmpty()).isTrue();
    }

    @Test
    void shouldDeadLetterBytesThatAreNoWorkEventWithWhereTheyWereRead() {
        raw.pipeInput(new TestRecord<>("k".getBytes(), "not avro".getBytes()));

        DeadLetter letter = deadLetters.readValue();
        assertThat(letter.getReason()).isEqualTo(RejectionReason.UNDECODABLE);
        assertThat(letter.getOriginTopic()).isEqualTo(TopicCatalog.RAW_EVENTS.name(PREFIX));
        assertThat(letter.getOriginOffset()).isZero();
        assertThat(letter.getPayload().remaining()).isEqualTo("not avro".length());
    }

    @Test
    void shouldRefuseToStartWithoutAKeyOrWithAShortOne() {
        assertThatThrownBy(() -> new StreamsAppConfig(Map.of()))
                .isInstanceOf(InvalidConfigException.class).hasMessageContaining("privacy.pseudonym.keys: required");
        assertThatThrownBy(() -> new StreamsAppConfig(Map.of("privacy.pseudonym.keys", "k=" + Base64.getEncoder()
                .encodeToString(new byte[16]), "privacy.pseudonym.active-key", "other",
                StreamsAppConfig.SOURCES_FILE, TestSourcesFile.standard())))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("key k has 16 bytes; at least 32")
                .hasMessageContaining("no key other")
                .hasMessageNotContaining(StreamsAppConfig.SOURCES_FILE);
    }

    // --- the sources' attribute allow-lists (events.md: "dropped and counted; the event is kept") ---

    @Test
    void shouldDropAndCountAnAttributeOffItsSourcesAllowListAndKeepTheEventWithTheAllowedOnes() {
        send(event("e1").setAttributes(new HashMap<>(Map.of("app", "word", "title", "議事録", "site", "soumu")))
                .build());

        PseudonymousEvent out = pseudonymous.readValue();
        assertThat(out.getEventId()).isEqualTo("e1");
        assertThat(out.getAttributes()).containsExactly(Map.entry("app", "word"));
        assertThat(count("mieruka.streams.privacy.attributes.dropped", "source", "docs-m365")).isEqualTo(2);
        assertThat(count("mieruka.streams.privacy.events", "outcome", "pseudonymised")).isEqualTo(1);
        assertThat(deadLetters.isEmpty()).isTrue();
        assertThat(registry.find("mieruka.streams.privacy.attributes.dropped").tag("source", "zoom").counter())
                .as("registered at zero for every source").isNotNull()
                .satisfies(counter -> assertThat(counter.count()).isZero());
    }

    @Test
    void shouldKeepTheAttributesTheContractDefinesWhateverTheAllowListSays() {
        send(event("w1").setSourceSystem("approval-sys").setKind(EventKind.WORKFLOW).setAction("step_started")
                .setObjectId("case-1").setAttributes(new HashMap<>(Map.of("step", "RECEIVE", "urgency", "high")))
                .build());
        send(event("r1").setSourceSystem("workmode-form").setKind(EventKind.WORK_MODE).setAction("reported")
                .setObjectId(null).setAttributes(new HashMap<>(Map.of("date", "2026-04-06", "hours", "7.75",
                        "note", "通院"))).build());
        send(event("d1").setAttributes(new HashMap<>(Map.of("step", "RECEIVE", "date", "2026-04-06"))).build());

        List<PseudonymousEvent> out = pseudonymous.readValuesToList();
        assertThat(out).extracting(PseudonymousEvent::getEventId).containsExactly("w1", "r1", "d1");
        assertThat(out.get(0).getAttributes()).containsExactly(Map.entry("step", "RECEIVE"));
        assertThat(out.get(1).getAttributes()).containsOnly(Map.entry("date", "2026-04-06"), Map.entry("hours", "7.75"));
        assertThat(out.get(2).getAttributes()).as("only for the kind that defines them").isEmpty();
        assertThat(count("mieruka.streams.privacy.attributes.dropped", "source", "approval-sys")).isEqualTo(1);
        assertThat(count("mieruka.streams.privacy.attributes.dropped", "source", "workmode-form")).isEqualTo(1);
        assertThat(count("mieruka.streams.privacy.attributes.dropped", "source", "docs-m365")).isEqualTo(2);
    }

    @Test
    void shouldScanAnAttributeBeforeDroppingItAndRefuseAnIndividualNumberInIt() {
        send(event("mn").setAttributes(new HashMap<>(Map.of("app", "word", "memo", "個人番号123456789018"))).build());

        DeadLetter letter = deadLetters.readValue();
        assertThat(letter.getReason()).isEqualTo(RejectionReason.MY_NUMBER);
        assertThat(letter.getField()).isEqualTo("attributes.memo");
        assertThat(letter.getPayloadWithheld()).isTrue();
        assertThat(pseudonymous.isEmpty()).isTrue();
        assertThat(count("mieruka.streams.privacy.attributes.dropped", "source", "docs-m365")).isZero();
    }

    @Test
    void shouldDeadLetterAnEventOfASourceMissingFromTheSourcesFileAsUnknownSource() {
        send(event("u1").setSourceSystem("shadow-it").build());
        send(event("u2").setSourceSystem("shadow-it").setObjectId("個人番号123456789018").build());

        List<DeadLetter> letters = deadLetters.readValuesToList();
        assertThat(letters).extracting(DeadLetter::getReason)
                .as("privacy first").containsExactly(RejectionReason.UNKNOWN_SOURCE, RejectionReason.MY_NUMBER);
        DeadLetter unknown = letters.get(0);
        assertThat(unknown.getSource()).isEqualTo("shadow-it");
        assertThat(unknown.getStage()).isEqualTo(org.mieruka.schemas.deadletter.Stage.STREAMS);
        assertThat(unknown.getField()).isEqualTo("source_system");
        assertThat(unknown.getPayload()).as("kept for replay once the source is registered").isNotNull();
        assertThat(unknown.getOriginTopic()).isEqualTo(TopicCatalog.RAW_EVENTS.name(PREFIX));
        assertThat(letters.get(1).getPayload()).isNull();
        assertThat(pseudonymous.isEmpty()).isTrue();
        assertThat(count("mieruka.streams.privacy.rejected", "reason", "UNKNOWN_SOURCE")).isEqualTo(1);
        assertThat(registry.find("mieruka.streams.privacy.attributes.dropped").tag("source", "shadow-it").counter())
                .isNull();
    }

    @Test
    void shouldReadTheSourcesFileNamedByTheSettingRelativeToTheMierukaHome() throws Exception {
        Files.createDirectories(dir.resolve("config"));
        Files.writeString(dir.resolve("config/sources.json"), TestSourcesFile.DEFAULT);
        String before = System.getProperty("mieruka.home");
        System.setProperty("mieruka.home", dir.toString());
        try {
            StreamsAppConfig config = new StreamsAppConfig(Map.of("privacy.pseudonym.keys", "k=" + KEY_2025));

            assertThat(config.sourcesFile).isEqualTo(dir.resolve("config/sources.json"));
            assertThat(config.allowList.sources()).containsExactlyInAnyOrder("docs-m365", "approval-sys", "zoom");
            assertThat(config.allowList.allowed("docs-m365")).contains(Set.of("app"));
        } finally {
            if (before == null) {
                System.clearProperty("mieruka.home");
            } else {
                System.setProperty("mieruka.home", before);
            }
        }
    }

    @Test
    void shouldRefuseToStartWithAMissingOrMalformedSourcesFileNamingTheFileAndTheProblem() throws Exception {
        Path missing = dir.resolve("missing.json");
        assertThatThrownBy(() -> new StreamsAppConfig(Map.of("privacy.pseudonym.keys", "k=" + KEY_2025,
                StreamsAppConfig.SOURCES_FILE, missing.toString())))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("invalid streams configuration")
                .hasMessageContaining("privacy.sources-file (MIERUKA_PRIVACY_SOURCES_FILE) = " + missing
                        + ": cannot be read (NoSuchFileException)");

        Path broken = dir.resolve("broken.json");
        Files.writeString(broken, "{\"sources\": {\"docs-m365\": {\"allowed_attributes\": [\"app\"]}");
        assertThatThrownBy(() -> new StreamsAppConfig(Map.of("privacy.pseudonym.keys", "k=" + KEY_2025,
                StreamsAppConfig.SOURCES_FILE, broken.toString())))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("privacy.sources-file (MIERUKA_PRIVACY_SOURCES_FILE) = " + broken
                        + ": not valid JSON (a syntax error or a duplicate key) at line 1");

        Path wrong = dir.resolve("wrong.json");
        Files.writeString(wrong, "{\"sources\": {\"docs-m365\": {\"allowed_attributes\": \"app\"}, "
                + "\"bad id\": {}}}");
        InvalidConfigException e = org.assertj.core.api.Assertions.catchThrowableOfType(
                () -> new StreamsAppConfig(Map.of("privacy.pseudonym.keys", "k=" + KEY_2025,
                        StreamsAppConfig.SOURCES_FILE, wrong.toString())), InvalidConfigException.class);
        assertThat(e.problems()).containsExactlyInAnyOrder(
                "privacy.sources-file (MIERUKA_PRIVACY_SOURCES_FILE) = " + wrong
                        + ": sources.docs-m365.allowed_attributes: must be an array of attribute names",
                "privacy.sources-file (MIERUKA_PRIVACY_SOURCES_FILE) = " + wrong
                        + ": sources.bad id: not a valid source_system id: 1-64 letters, digits, '.', '_' or '-', "
                        + "starting with a letter or digit");
    }
}
