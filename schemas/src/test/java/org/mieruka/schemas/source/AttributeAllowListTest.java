package org.mieruka.schemas.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mieruka.schemas.config.InvalidConfigException;
import org.mieruka.schemas.event.EventKind;

class AttributeAllowListTest {

    @TempDir
    Path dir;

    private Path write(String text) throws IOException {
        Path file = dir.resolve("sources.json");
        Files.writeString(file, text.replace('\'', '"'), StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void shouldReadEachSourcesListAndLeaveTheCollectorsKeysToIt() throws IOException {
        Path file = write("{'personal_data_patterns':{},'sources':{"
                + "'docs-m365':{'allowed_attributes':['app'],'identity_map':'ids.csv','limits':{'burst':1}},"
                + "'zoom':{},'teams':{'allowed_attributes':null}}}");

        AttributeAllowList lists = AttributeAllowList.read(file);

        assertThat(lists.sources()).containsExactlyInAnyOrder("docs-m365", "zoom", "teams");
        assertThat(lists.allowed("docs-m365")).contains(Set.of("app"));
        assertThat(lists.allowed("zoom")).contains(Set.of());
        assertThat(lists.registered("teams")).isTrue();
        assertThat(lists.registered("approval-sys")).isFalse();
        assertThat(lists.allowed("approval-sys")).isEmpty();
        assertThat(lists.allowed(null)).isEmpty();
    }

    @Test
    void shouldReportEveryProblemOfTheFrameAtOnce() throws IOException {
        Path file = write("{'extra':1,'sources':{'bad id':{},'a':{'allowed_attributes':'app','colour':'red'},"
                + "'b':{'allowed_attributes':['x','x','']},'c':[]}}");

        InvalidConfigException e = catchThrowableOfType(() -> AttributeAllowList.read(file),
                InvalidConfigException.class);

        assertThat(e.problems()).containsExactlyInAnyOrder(
                "sources.json: extra: unknown key; expected one of [personal_data_patterns, sources]",
                "sources.json: sources.bad id: not a valid source_system id: 1-64 letters, digits, '.', '_' or '-', "
                        + "starting with a letter or digit",
                "sources.json: sources.a.allowed_attributes: must be an array of attribute names",
                "sources.json: sources.a.colour: unknown key; expected one of [allowed_attributes, default_employee, "
                        + "default_process_code, identity_map, limits, steps]",
                "sources.json: sources.b.allowed_attributes: lists 'x' twice",
                "sources.json: sources.b.allowed_attributes: every entry must be a non-empty string",
                "sources.json: sources.c: must be an object");
        assertThat(e.getMessage()).startsWith("invalid sources configuration");
    }

    @Test
    void shouldRefuseAMissingFileBrokenJsonAndAFileWithoutSources() throws IOException {
        assertThat(catchThrowableOfType(() -> AttributeAllowList.read(dir.resolve("none.json")),
                InvalidConfigException.class).problems()).singleElement().asString()
                .contains("none.json: cannot be read (NoSuchFileException)");
        Path duplicate = write("{'sources':{'a':{'identity_map':{'taro@x.jp':'E1','taro@x.jp':'E2'}}}}");
        assertThat(catchThrowableOfType(() -> AttributeAllowList.read(duplicate), InvalidConfigException.class)
                .getMessage()).contains("not valid JSON", "duplicate key", "line 1").doesNotContain("taro");
        Path array = write("[]");
        assertThat(catchThrowableOfType(() -> AttributeAllowList.read(array), InvalidConfigException.class)
                .problems()).singleElement().asString().contains("must be a JSON object with \"sources\"");
        Path empty = write("{'sources':{}}");
        assertThat(catchThrowableOfType(() -> AttributeAllowList.read(empty), InvalidConfigException.class)
                .problems()).containsExactly("sources.json: sources: must be an object with at least one source_system");
    }

    @Test
    void shouldKeepTheAllowedAttributesAndThoseTheContractDefinesForTheKind() {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("step", "RECEIVE");
        attributes.put("title", "x");
        attributes.put("date", "2026-04-06");
        attributes.put("hours", "7.75");
        attributes.put("app", "word");

        assertThat(AttributeAllowList.kept(Set.of("app"), EventKind.WORKFLOW, attributes))
                .containsExactly(Map.entry("step", "RECEIVE"), Map.entry("app", "word"));
        assertThat(AttributeAllowList.kept(Set.of(), EventKind.WORK_MODE, attributes))
                .containsExactly(Map.entry("date", "2026-04-06"), Map.entry("hours", "7.75"));
        assertThat(AttributeAllowList.kept(Set.of(), EventKind.DOCUMENT, attributes)).isEmpty();
        assertThat(AttributeAllowList.contractAttributes(null)).isEmpty();
    }
}
