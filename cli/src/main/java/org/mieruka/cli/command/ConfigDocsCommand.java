package org.mieruka.cli.command;

import java.util.concurrent.Callable;
import org.mieruka.cli.ConfigReference;
import picocli.CommandLine.Command;

/** {@code ./mieruka config-docs}: prints the configuration reference (docs/configuration.md). */
@Command(name = "config-docs", mixinStandardHelpOptions = true,
        description = "Print the reference of every setting as Markdown (the source of docs/configuration.md).")
public final class ConfigDocsCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        System.out.print(ConfigReference.markdown());
        return 0;
    }
}
