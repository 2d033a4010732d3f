package org.mieruka.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mieruka.schemas.config.InvalidConfigException;

class SourceRegistryTest {

    private static final SourceLimits DEFAULTS = SourceLimits.of(10 * 1024 * 1024, 10_000);

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text.replace('\'', '"'), StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void shouldReadEverySettingOfASource() throws IOException {
        write("m365-ids.csv", "\uFEFFsource_user_id,employee\n# exported 2026-04-01\ntaro@city.example.jp,E0001\n\n"
                + "hanako@city.example.jp , E0002\n");
        Path file = write("sources.json", "{'sources':{"
                + "'docs-m365':{'allowed_attributes':['app'],'identity_map':'m365-ids.csv',"
                + "  'limits':{'requests_per_second':5}},"
                + "'approval-sys':{'identity_map':{'u-1':'E0003'},'steps':{'受付':'RECEIVE'},"
                + "  'default_process_code':'P-010','default_employee':'E0099'},"
                + "'zoom':{}}}");

        SourceRegistry registry = SourceRegistry.load(file, DEFAULTS);

        SourceRegistration m365 = registry.find("docs-m365").orElseThrow();
        assertThat(m365.allows("app")).isTrue();
        assertThat(m365.allows("title")).isFalse();
        assertThat(m365.identityMap().orElseThrow().employeeOf("hanako@city.example.jp")).contains("E0002");
        assertThat(m365.identityMap().orElseThrow().employeeOf("TARO@city.example.jp")).isEmpty();
        assertThat(m365.limits()).isEqualTo(new SourceLimits(10 * 1024 * 1024, 10_000, 5));
        SourceRegistration approval = registry.find("approval-sys").orElseThrow();
        assertThat(approval.identityMap().orElseThrow().employeeOf("u-1")).contains("E0003");
        assertThat(approval.steps().stepCode("受付")).isEqualTo("RECEIVE");
        assertThat(approval.steps().stepCode("決裁")).isEqualTo("決裁");
        assertThat(approval.defaultProcessCode()).contains("P-010");
        assertThat(approval.defaultEmployee()).contains("E0099");
        assertThat(approval.toString()).doesNotContain("E0099").doesNotContain("u-1");
        SourceRegistration zoom = registry.find("zoom").orElseThrow();
        assertThat(zoom.identityMap()).isEmpty();
        assertThat(zoom.allowedAttributes()).isEmpty();
        assertThat(zoom.limits()).isEqualTo(DEFAULTS);
        assertThat(registry.find("unknown")).isEmpty();
        assertThat(registry.personalData().find("a@b.jp")).contains("email");
    }

    @Test
    void shouldReportEveryProblemAtOnceWithoutQuotingIdentities() throws IOException {
        write("ids.csv", "taro@city.example.jp,E0001\ntaro@city.example.jp,E0002\nno-comma-here\n");
        Path file = write("sources.json", "{'extra':1,'personal_data_patterns':{'phone':'(unclosed'},'sources':{"
                + "'bad id':{},"
                + "'a':{'allowed_attributes':'app','colour':'red','limits':{'max_body_bytes':10,'burst':3}},"
                + "'b':{'identity_map':'ids.csv','default_employee':''},"
                + "'c':{'identity_map':{'secret-user':''},'steps':{'x':7}},"
                + "'d':{'identity_map':'missing.csv'}}}");

        InvalidConfigException e = catchThrowableOfType(() -> SourceRegistry.load(file, DEFAULTS),
                InvalidConfigException.class);

        assertThat(e.problems()).hasSize(13);
        assertThat(String.join("\n", e.problems()))
                .contains("extra: unknown key", "personal_data_patterns.phone: not a valid regular expression",
                        "sources.bad id: not a valid source_system id", "sources.a.allowed_attributes: must be an array",
                        "sources.a.colour: unknown key", "sources.a.limits.max_body_bytes: must be a whole number",
                        "sources.a.limits.burst: unknown key", "ids.csv line 2: source_user_id listed twice",
                        "ids.csv line 3: expected source_user_id,employee", "sources.b.default_employee",
                        "sources.c.identity_map (entry 1)", "sources.c.steps.x", "missing.csv: cannot be read")
                .doesNotContain("taro").doesNotContain("secret-user").doesNotContain("E0001");
    }

    @Test
    void shouldRefuseAMissingOrBrokenFileWithoutQuotingIt() throws IOException {
        assertThat(catchThrowableOfType(() -> SourceRegistry.load(dir.resolve("none.json"), DEFAULTS),
                InvalidConfigException.class).problems()).hasSize(1);
        Path duplicate = write("dup.json", "{'sources':{'a':{'identity_map':{'taro@x.jp':'E1','taro@x.jp':'E2'}}}}");
        InvalidConfigException e = catchThrowableOfType(() -> SourceRegistry.load(duplicate, DEFAULTS),
                InvalidConfigException.class);
        assertThat(e.getMessage()).contains("duplicate key", "line 1").doesNotContain("taro");
        Path empty = write("empty.json", "{'sources':{}}");
        assertThat(catchThrowableOfType(() -> SourceRegistry.load(empty, DEFAULTS), InvalidConfigException.class)
                .problems()).singleElement().asString().contains("at least one source_system");
    }

    @Test
    void shouldUseTheConfiguredPersonalDataPatternsInsteadOfTheDefault() throws IOException {
        Path file = write("sources.json", "{'personal_data_patterns':{'phone':'0\\\\d{1,4}-\\\\d{1,4}-\\\\d{4}'},"
                + "'sources':{'zoom':{}}}");
        SourceRegistry registry = SourceRegistry.load(file, DEFAULTS);
        assertThat(registry.personalData().find("03-1234-5678")).contains("phone");
        assertThat(registry.personalData().find("a@b.jp")).isEmpty();
    }
}
