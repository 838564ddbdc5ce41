package org.orgraph.importing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.orgraph.graph.EmbeddedNeo4j;
import org.orgraph.graph.OrgraphProperties;
import org.orgraph.graph.Graph;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * At start-up: removes revisions an interrupted import left behind, then, on an empty store
 * with {@code orgraph.demo-data=true}, imports the demo organisations shipped under
 * {@code demo/*.json} through the ordinary import path.
 */
@Component
@Order(0)
class DemoOrganizations implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoOrganizations.class);

	private final ImportService imports;

	private final Graph graph;

	private final OrgraphProperties properties;

	private final boolean exclusive;

	private final RecoveryHealth recovery;

	private final RevisionLeases leases;

	DemoOrganizations(ImportService imports, Graph graph, OrgraphProperties properties,
			ObjectProvider<EmbeddedNeo4j> embedded, RecoveryHealth recovery, RevisionLeases leases) {
		this.imports = imports;
		this.recovery = recovery;
		this.leases = leases;
		this.graph = graph;
		this.properties = properties;
		// with Bolt on, another process may write this store too
		EmbeddedNeo4j engine = embedded.getIfAvailable();
		this.exclusive = engine != null && engine.boltUri() == null;
	}

	@Override
	public void run(ApplicationArguments args) {
		try {
			this.imports.discardUnfinished(this.exclusive);
		}
		catch (RuntimeException ex) {
			// unfinished revisions are invisible to every read; a cold store that times out here
			// (seen after kill -9 on a busy machine) must not keep the service down
			log.warn("Could not remove revisions left unfinished; retried at the next start-up", ex);
		}
		finally {
			this.recovery.done();
		}
		if (!this.exclusive) {
			// a writer that died while this instance runs is cleaned up here, once its lease ran out
			this.leases.every(() -> this.imports.discardUnfinished(false));
		}
		if (!this.properties.demoData()) {
			return;
		}
		long organizations = this.graph.read("importing/count-organizations", Map.of(), r -> r.get("n").asLong())
			.getFirst();
		if (organizations > 0) {
			return;
		}
		List<Resource> files = files();
		for (Resource file : files) {
			String name = file.getFilename();
			String key = name.substring(0, name.length() - ".json".length());
			try {
				this.imports.importNow(key, OrgJsonParser.FORMAT, List.of(new ImportFile(name, file.getContentAsByteArray())));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		log.info("Loaded {} demo organisations", files.size());
	}

	static List<Resource> files() {
		try {
			Resource[] files = new PathMatchingResourcePatternResolver().getResources("classpath*:demo/*.json");
			Arrays.sort(files, Comparator.comparing(Resource::getFilename));
			return List.of(files);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
