package org.mieruka.cli.command;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mieruka.ingest.IngestConfig;
import org.mieruka.ingest.source.SourceLimits;
import org.mieruka.ingest.source.SourceRegistry;
import org.mieruka.ingest.source.TokenInfo;
import org.mieruka.ingest.source.TokenStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code ./mieruka tokens create|list|revoke}: the sources' API tokens, kept hashed in the tokens file. */
@Command(name = "tokens", mixinStandardHelpOptions = true,
        description = "Create, list or revoke the API tokens of registered sources (ingest.tokens-file).",
        subcommands = {TokensCommand.Create.class, TokensCommand.ListTokens.class, TokensCommand.Revoke.class})
public final class TokensCommand implements Runnable {

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(System.out);
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Issue a token for a source of the sources file; it is shown once, only its hash is kept.")
    static final class Create implements Callable<Integer> {
        @Mixin
        ConfigFileOption config;

        @Parameters(paramLabel = "SOURCE", description = "the source_system, as registered in the sources file")
        String source;

        @Override
        public Integer call() {
            IngestConfig settings = IngestConfig.load(config.file(), System.getenv(), Map.of());
            SourceRegistry sources = SourceRegistry.load(settings.sourcesFile, new SourceLimits(settings.maxBodyBytes,
                    settings.maxEventsPerBatch, settings.requestsPerSecond));
            if (sources.find(source).isEmpty()) {
                System.err.println("mieruka: source '" + source + "' is not in " + settings.sourcesFile
                        + "; register it first (docs/sources.md)");
                return 2;
            }
            var issued = new TokenStore(settings.tokensFile).create(source);
            System.out.println(issued.token());
            System.err.println("token " + issued.id() + " for " + source + " — shown once; give it to the source's "
                    + "operator and send it as 'Authorization: Bearer <token>'");
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List tokens (never the tokens themselves).")
    static final class ListTokens implements Callable<Integer> {
        @Mixin
        ConfigFileOption config;

        @Override
        public Integer call() {
            IngestConfig settings = IngestConfig.load(config.file(), System.getenv(), Map.of());
            List<TokenInfo> tokens = new TokenStore(settings.tokensFile).list();
            System.out.printf("%-18s %-20s %-10s %-22s %s%n", "id", "source", "hash", "created", "revoked");
            for (TokenInfo token : tokens) {
                System.out.printf("%-18s %-20s %-10s %-22s %s%n", token.id(), token.source(), token.hashPrefix(),
                        token.createdAt(), token.revokedAt() == null ? "-" : token.revokedAt());
            }
            return 0;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = "Revoke a token by id; running collectors refuse it within a few seconds.")
    static final class Revoke implements Callable<Integer> {
        @Mixin
        ConfigFileOption config;

        @Parameters(paramLabel = "ID", description = "the token's id, from 'tokens list'")
        String id;

        @Override
        public Integer call() {
            IngestConfig settings = IngestConfig.load(config.file(), System.getenv(), Map.of());
            if (!new TokenStore(settings.tokensFile).revoke(id)) {
                System.err.println("mieruka: no token " + id + " in " + settings.tokensFile);
                return 2;
            }
            System.out.println("revoked " + id);
            return 0;
        }
    }
}
