package org.orgraph.importing;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.neo4j.driver.Value;
import org.orgraph.graph.Revision;
import org.orgraph.graph.Graph;
import org.orgraph.importing.OrgDocument.Location;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a complete revision back as the document that would write it again: stated reporting
 * lines only (the derived ones follow from unit heads), duties with their keys. An edit is
 * applied to this document and the result goes through the same validation and writer as an
 * import. Reads the whole revision: O(units + positions + people + duties).
 */
@Component
class RevisionDocuments {

	/** Where an item read back from the store is said to come from in problems. */
	static final String SOURCE = "revision";

	private final Graph graph;

	private final JsonMapper json;

	RevisionDocuments(Graph graph, JsonMapper json) {
		this.graph = graph;
		this.json = json;
	}

	/** A complete revision: its id, the format it was first imported from, and the organisation's current revision. */
	record Header(String org, Revision rev, String name, String format, Map<String, Object> metadata, int current) {
	}

	Optional<Header> header(String org, int number) {
		return this.graph.read("importing/revision-header", Map.of("org", org, "number", number),
				r -> new Header(org, Revision.of(r.get("rev").asString()), r.get("name").asString(),
						r.get("format").asString(OrgJsonParser.FORMAT), metadata(r.get("metadata")), r.get("current").asInt(0)))
			.stream()
			.findFirst();
	}

	/** The revision as a document. */
	OrgDocument document(Header header) {
		Location at = Location.of(SOURCE, 0, 0);
		Map<String, Object> rev = Map.of("rev", header.rev());
		List<OrgDocument.Unit> units = this.graph.read("importing/revision-units", rev,
				r -> new OrgDocument.Unit(r.get("key").asString(), r.get("name").asString(), r.get("parent").asString(null),
						r.get("kind").asString(null),
						r.get("plannedHeadcount").computeOrDefault(Value::asInt, null),
						duties(r.get("duties")), at));
		List<OrgDocument.Position> positions = this.graph.read("importing/revision-positions", rev,
				r -> new OrgDocument.Position(r.get("key").asString(), r.get("title").asString(), r.get("unit").asString(),
						r.get("reportsTo").asString(null), r.get("headcount").computeOrDefault(Value::asInt, null),
						r.get("grade").asString(null), duties(r.get("duties")), r.get("concurrentWith").asString(null),
						r.get("juniorFte").asDouble(0), at));
		List<OrgDocument.Person> people = this.graph.read("importing/revision-people", rev,
				r -> new OrgDocument.Person(r.get("key").asString(), r.get("name").asString(),
						r.get("holds")
							.asList(h -> new OrgDocument.Holding(h.get("position").asString(), h.get("fte").asDouble(1),
									h.get("acting").asBoolean(false), at)),
						at));
		return new OrgDocument(header.org(), header.name(), units, positions, people, header.metadata());
	}

	private Map<String, Object> metadata(Value metadata) {
		return metadata.isNull() ? Map.of() : this.json.readValue(metadata.asString(), new TypeReference<Map<String, Object>>() {
		});
	}

	private static List<OrgDocument.Duty> duties(Value duties) {
		Location at = Location.of(SOURCE, 0, 0);
		return duties.asList(d -> new OrgDocument.Duty(d.get(0).asString(), d.get(1).asString(), at));
	}

}
