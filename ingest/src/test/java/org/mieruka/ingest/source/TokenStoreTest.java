package org.mieruka.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mieruka.schemas.config.InvalidConfigException;

class TokenStoreTest {

    private static final Instant NOW = Instant.parse("2026-04-06T00:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("var/ingest/tokens.json");
    }

    private TokenStore store() {
        return new TokenStore(file(), CLOCK, Duration.ZERO);
    }

    @Test
    void shouldIssueATokenThatAuthenticatesItsSourceOnly() {
        TokenStore store = store();
        IssuedToken issued = store.create("docs-m365");

        assertThat(issued.token()).matches("mrk_[A-Za-z0-9_-]{43}");
        assertThat(issued.id()).startsWith("tok_");
        assertThat(issued.toString()).doesNotContain(issued.token());
        assertThat(store.authenticate(issued.token())).contains("docs-m365");
        assertThat(store.authenticate(issued.token() + "x")).isEmpty();
        assertThat(store.authenticate(issued.token().replace("mrk_", ""))).isEmpty();
        assertThat(store.authenticate(null)).isEmpty();
        assertThat(store.create("docs-m365").token()).isNotEqualTo(issued.token());
    }

    @Test
    void shouldStoreOnlyTheHashOwnerReadable() throws Exception {
        IssuedToken issued = store().create("zoom");
        String text = Files.readString(file());
        String hash = HexFormat.of().formatHex(TokenStore.sha256(issued.token()));

        assertThat(text).doesNotContain(issued.token()).doesNotContain(issued.token().substring(4))
                .contains(hash).contains("\"created_at\" : \"2026-04-06T00:00:00Z\"");
        assertThat(Files.getPosixFilePermissions(file())).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        try (var files = Files.list(file().getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("tokens.json",
                    "tokens.json.lock");
        }
    }

    @Test
    void shouldListTokensWithoutSecrets() {
        TokenStore store = store();
        IssuedToken a = store.create("zoom");
        IssuedToken b = store.create("approval-sys");
        store.revoke(b.id());

        List<TokenInfo> list = store.list();

        assertThat(list).extracting(TokenInfo::id).containsExactly(a.id(), b.id());
        assertThat(list).extracting(TokenInfo::active).containsExactly(true, false);
        assertThat(list.get(1).revokedAt()).isEqualTo(NOW);
        assertThat(list.get(0).hashPrefix()).hasSize(8)
                .isEqualTo(HexFormat.of().formatHex(TokenStore.sha256(a.token())).substring(0, 8));
        assertThat(list.toString()).doesNotContain(a.token()).doesNotContain(b.token())
                .doesNotContain(HexFormat.of().formatHex(TokenStore.sha256(a.token())).substring(0, 9));
    }

    @Test
    void shouldRefuseARevokedTokenAndReportUnknownIds() {
        TokenStore store = store();
        IssuedToken issued = store.create("zoom");
        assertThat(store.revoke(issued.id())).isTrue();
        assertThat(store.authenticate(issued.token())).isEmpty();
        assertThat(store.revoke(issued.id())).isTrue();
        assertThat(store.revoke("tok_nope")).isFalse();
    }

    @Test
    void shouldSeeARevocationWrittenByAnotherProcess() {
        TokenStore collector = store();
        TokenStore cli = store();
        IssuedToken issued = cli.create("docs-m365");
        assertThat(collector.authenticate(issued.token())).contains("docs-m365");

        cli.revoke(issued.id());

        assertThat(collector.authenticate(issued.token())).isEmpty();
    }

    @Test
    void shouldLookAtTheFileOnlyWhenTheCheckIsDue() {
        TokenStore collector = new TokenStore(file(), CLOCK, Duration.ofHours(1));
        IssuedToken issued = store().create("zoom");
        assertThat(collector.authenticate(issued.token())).isEmpty();
        assertThat(new TokenStore(file()).authenticate(issued.token())).contains("zoom");
    }

    @Test
    void shouldKeepTheLastGoodTokensWhenTheFileBreaksAndRefuseABrokenFileAtStart() throws Exception {
        TokenStore collector = store();
        IssuedToken issued = collector.create("zoom");
        Files.writeString(file(), "{not json");

        assertThat(collector.authenticate(issued.token())).contains("zoom");
        InvalidConfigException e = catchThrowableOfType(this::store, InvalidConfigException.class);
        assertThat(e.problems()).singleElement().asString().contains("tokens.json");
    }

    @Test
    void shouldKeepEveryTokenWhenManyWritersCreateAtOnce() throws Exception {
        TokenStore one = store();
        TokenStore two = store();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<IssuedToken>> futures = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                TokenStore writer = i % 2 == 0 ? one : two;
                futures.add(pool.submit(() -> writer.create("zoom")));
            }
            TokenStore reader = store();
            for (Future<IssuedToken> future : futures) {
                assertThat(reader.authenticate(future.get().token())).contains("zoom");
            }
            assertThat(reader.list()).hasSize(40);
        } finally {
            pool.shutdownNow();
        }
    }
}
