package org.mieruka.store.migrate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The migrations shipped with this build, listed in {@code migrations/index.txt} in version order. */
public final class MigrationCatalog {

    private static final String BASE = "/org/mieruka/store/migrations/";
    private static final Pattern NAME = Pattern.compile("V(\\d{4})__([a-z0-9_]+)\\.sql");

    private MigrationCatalog() {
    }

    public static List<Migration> load() {
        List<Migration> migrations = new ArrayList<>();
        for (String file : read("index.txt").lines().map(String::strip).filter(l -> !l.isEmpty()).toList()) {
            Matcher m = NAME.matcher(file);
            if (!m.matches()) {
                throw new IllegalStateException("migration file name must look like V0001__what.sql: " + file);
            }
            int version = Integer.parseInt(m.group(1));
            if (version != migrations.size() + 1) {
                throw new IllegalStateException("migrations must be numbered 1, 2, 3 … without gaps: " + file);
            }
            migrations.add(new Migration(version, m.group(2), read(file)));
        }
        return List.copyOf(migrations);
    }

    private static String read(String file) {
        try (InputStream in = MigrationCatalog.class.getResourceAsStream(BASE + file)) {
            if (in == null) {
                throw new IllegalStateException("missing migration resource " + BASE + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + BASE + file, e);
        }
    }
}
