package org.orgraph;

import org.orgraph.importing.ImportCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Starts the service, or runs a one-off command ({@code import …}) against the same store.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class OrgraphApplication {

	public static void main(String[] args) {
		// Neo4j brings a second SLF4J provider; naming ours spares every start-up SLF4J's warning about it
		if (System.getProperty("slf4j.provider") == null) {
			System.setProperty("slf4j.provider", "ch.qos.logback.classic.spi.LogbackServiceProvider");
			// and not to say that it took the one named
			System.setProperty("slf4j.internal.verbosity", "WARN");
		}
		if (args.length > 0 && ImportCommand.NAME.equals(args[0])) {
			System.exit(ImportCommand.run(OrgraphApplication.class, args));
		}
		SpringApplication.run(OrgraphApplication.class, args);
	}

}
