package org.mieruka.ingest.source;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Registers sources and issues one token each in a folder: what the demo, the simulator's HTTP
 * output, the benchmarks and the tests need to talk to a collector. A city writes its own sources
 * file (docs/sources.md); this is only the quick way for a local setup.
 */
public final class SourceSetup {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What was written, and a token per source. */
    public record Prepared(Path sourcesFile, Path tokensFile, Map<String, String> tokens) {
    }

    private SourceSetup() {
    }

    /**
     * Writes {@code sources.json} (each source with {@code allowedAttributes}, no identity map) and
     * {@code tokens.json} in {@code folder}, replacing earlier ones.
     */
    public static Prepared prepare(Path folder, List<String> sources, List<String> allowedAttributes)
            throws IOException {
        Files.createDirectories(folder);
        ObjectNode root = JSON.createObjectNode();
        ObjectNode registered = root.putObject("sources");
        for (String source : sources) {
            allowedAttributes.forEach(registered.putObject(source).putArray("allowed_attributes")::add);
        }
        Path sourcesFile = folder.resolve("sources.json");
        Files.write(sourcesFile, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(root));
        Path tokensFile = folder.resolve("tokens.json");
        Files.deleteIfExists(tokensFile);
        TokenStore store = new TokenStore(tokensFile);
        Map<String, String> tokens = new LinkedHashMap<>();
        for (String source : sources) {
            tokens.put(source, store.create(source).token());
        }
        return new Prepared(sourcesFile, tokensFile, tokens);
    }
}
