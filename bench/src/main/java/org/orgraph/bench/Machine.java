package org.orgraph.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** The machine line every result carries. */
final class Machine {

    private Machine() {
    }

    static String line() {
        String cpu = "unknown CPU";
        long memKb = -1;
        try {
            for (String l : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (l.startsWith("model name")) {
                    cpu = l.substring(l.indexOf(':') + 1).trim();
                    break;
                }
            }
            for (String l : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (l.startsWith("MemTotal:")) {
                    memKb = Long.parseLong(l.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return String.format(Locale.ROOT, "%s, %d cores visible to the JVM, %s RAM, %s %s (%s), JDK %s (%s); service: embedded Neo4j, same JDK",
                cpu, Runtime.getRuntime().availableProcessors(),
                memKb < 0 ? "unknown" : String.format(Locale.ROOT, "%.1f GB", memKb / 1024.0 / 1024.0),
                System.getProperty("os.name"), System.getProperty("os.version"), System.getProperty("os.arch"),
                System.getProperty("java.version"), System.getProperty("java.vm.name"));
    }
}
