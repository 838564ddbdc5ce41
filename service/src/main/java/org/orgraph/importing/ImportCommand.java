package org.orgraph.importing;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code java -jar orgraph.jar import --org KEY --format FORMAT FILE…}: the same import as the
 * HTTP endpoint, against the configured store (embedded under {@code orgraph.data-dir}, or
 * {@code spring.neo4j.uri}). Prints the result as JSON; exit 0 on success, 1 when the input
 * is rejected (the problems go to stderr as JSON), 2 on a database failure, 64 on bad usage.
 */
public final class ImportCommand {

	public static final String NAME = "import";

	static final String USAGE = """
			usage: java -jar orgraph.jar import --org KEY [--format org-json|csv-bundle|uk-organogram] FILE...
			       other options (--orgraph.data-dir=DIR, --spring.neo4j.uri=URI, ...) as for the service""";

	private ImportCommand() {
	}

	private static Throwable rootCause(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null && cause.getCause() != cause) {
			cause = cause.getCause();
		}
		return cause;
	}

	/** Runs the command in a context of {@code application} (the service's own configuration). */
	public static int run(Class<?> application, String[] args) {
		return run(application, args, System.out, System.err);
	}

	static int run(Class<?> application, String[] args, PrintStream out, PrintStream err) {
		String org = null;
		String format = OrgJsonParser.FORMAT;
		List<Path> paths = new ArrayList<>();
		List<String> springArgs = new ArrayList<>();
		for (int i = 1; i < args.length; i++) {
			String arg = args[i];
			if (arg.equals("--org") && i + 1 < args.length) {
				org = args[++i];
			}
			else if (arg.equals("--format") && i + 1 < args.length) {
				format = args[++i];
			}
			else if (arg.startsWith("--") && arg.contains("=")) {
				springArgs.add(arg);
			}
			else if (arg.equals("--help") || arg.startsWith("-")) {
				err.println(USAGE);
				return 64;
			}
			else {
				paths.add(Path.of(arg));
			}
		}
		if (org == null || paths.isEmpty()) {
			err.println(USAGE);
			return 64;
		}
		List<ImportFile> files = new ArrayList<>();
		for (Path path : paths) {
			try {
				// mapped, not read: a large document's bytes stay off the heap
				files.add(ImportFile.mapped(path.getFileName().toString(), path));
			}
			catch (IOException ex) {
				err.println("cannot read " + path + ": " + ex.getMessage());
				return 64;
			}
		}
		springArgs.add("--orgraph.demo-data=false");
		springArgs.add("--spring.main.banner-mode=off");
		springArgs.add("--spring.main.log-startup-info=false");
		if (springArgs.stream().noneMatch(a -> a.startsWith("--logging.level.root="))) {
			// stdout carries the JSON result; keep it parseable
			springArgs.add(0, "--logging.level.root=WARN");
		}
		ConfigurableApplicationContext context;
		try {
			context = new SpringApplicationBuilder(application).web(WebApplicationType.NONE)
				.run(springArgs.toArray(String[]::new));
		}
		catch (RuntimeException ex) {
			err.println("cannot open the database: " + rootCause(ex).getMessage());
			return 2;
		}
		try (context) {
			JsonMapper json = context.getBean(JsonMapper.class);
			ImportService imports = context.getBean(ImportService.class);
			try {
				ImportJob job = imports.importNow(org, format, files);
				out.println(json.writerWithDefaultPrettyPrinter().writeValueAsString(ImportHttpController.describe(job.result())));
				return 0;
			}
			catch (ImportRejectedException ex) {
				err.println(json.writerWithDefaultPrettyPrinter()
					.writeValueAsString(Map.of("errors",
							ex.problems().stream().filter(ImportProblem::isError).map(ImportHttpController::problem).toList())));
				return 1;
			}
			catch (RuntimeException ex) {
				err.println("import failed: " + rootCause(ex).getMessage());
				return 2;
			}
		}
	}

}
