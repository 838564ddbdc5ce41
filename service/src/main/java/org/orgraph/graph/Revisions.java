package org.orgraph.graph;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.Node;
import org.orgraph.graph.Views.OrganizationView;
import org.orgraph.graph.Views.RevisionView;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The organisations a caller may read and their complete revisions. Every read of a revision
 * starts here: {@link #resolve(String, Integer)} turns an organisation key and an optional
 * revision number into the {@link Revision} the feature then reads.
 */
@Component
public class Revisions {

	private final Graph graph;

	private final JsonMapper json;

	private final AccessPolicy access;

	/**
	 * Organisations by key with the numbers of their complete revisions, for a second: every
	 * request starts by resolving its organisation's current revision, or checking that the one
	 * it names exists, and that lookup would otherwise be a database round trip of its own. An
	 * import through this service drops the entry as soon as it makes a revision current;
	 * another instance's import on a shared database is seen within the second.
	 */
	private final Cache<String, Optional<Known>> organizations = Caffeine.newBuilder()
		.maximumSize(10_000)
		.expireAfterWrite(Duration.ofSeconds(1))
		.build();

	private record Known(OrganizationView view, Set<Integer> complete) {
	}

	public Revisions(Graph graph, JsonMapper json, AccessPolicy access) {
		this.graph = graph;
		this.json = json;
		this.access = access;
	}

	/** The organisations the caller may read. */
	public List<OrganizationView> organizations() {
		return this.graph.read("graph/organizations", Map.of(), r -> OrganizationView.of(r.get("o").asNode()))
			.stream()
			.filter(o -> this.access.canRead(o.key()))
			.toList();
	}

	/** An organisation the caller may read; empty when it does not exist or is not theirs to see. */
	public Optional<OrganizationView> organization(String key) {
		if (!this.access.canRead(key)) {
			return Optional.empty();
		}
		return known(key).map(Known::view);
	}

	private Optional<Known> known(String key) {
		return this.organizations.get(key,
				k -> this.graph
					.read("graph/organization", Map.of("key", k),
							r -> new Known(OrganizationView.of(r.get("o").asNode()),
									Set.copyOf(r.get("complete").asList(Value::asInt))))
					.stream()
					.findFirst());
	}

	/**
	 * Forgets what {@link #organization(String)} remembers of an organisation; called once an
	 * import has made a new revision current. A lookup running meanwhile is dropped as well
	 * when it ends, so nothing read before the change outlives this call.
	 */
	public void forget(String key) {
		this.organizations.invalidate(key);
	}

	public AccessPolicy access() {
		return this.access;
	}

	/** The organisation's complete revisions, newest first. */
	public List<RevisionView> revisions(String org) {
		return this.graph.read("graph/revisions", Map.of("org", org), r -> revisionView(r.get("r").asNode()));
	}

	/** A complete revision; empty when the organisation does not have it. */
	public Optional<RevisionView> revisionView(Revision revision) {
		return this.graph
			.read("graph/revision", Map.of("org", revision.organization(), "number", revision.number()),
					r -> revisionView(r.get("r").asNode()))
			.stream()
			.findFirst();
	}

	/**
	 * The complete revision a request names: the organisation's current one when {@code number}
	 * is null. Throws {@link RevisionNotFoundException} for a number it does not have.
	 */
	public Revision resolve(OrganizationView org, @Nullable Integer number) {
		if (number == null) {
			if (org.currentRevision() == null) {
				throw new RevisionNotFoundException(org.key());
			}
			return new Revision(org.key(), org.currentRevision());
		}
		if (!known(org.key()).map(k -> k.complete().contains(number)).orElse(false)) {
			throw new RevisionNotFoundException(org.key(), number);
		}
		return new Revision(org.key(), number);
	}

	/**
	 * The complete revision a request names, of an organisation the caller may read; empty when
	 * the organisation does not exist or is not theirs to see.
	 */
	public Optional<Revision> resolve(String org, @Nullable Integer number) {
		return organization(org).map(o -> resolve(o, number));
	}

	/** The revision's own count of an item kind ({@code units}, {@code positions}, {@code people}, {@code duties}). */
	public int count(Revision revision, String kind) {
		return revisionView(revision).map(r -> r.counts().get(kind) instanceof Number n ? n.intValue() : 0).orElse(0);
	}

	private RevisionView revisionView(Node r) {
		Map<String, Object> counts = r.get("counts").isNull() ? Map.of()
				: this.json.readValue(r.get("counts").asString(), new TypeReference<Map<String, Object>>() {
				});
		@Nullable String metadata = r.get("metadata").asString(null);
		Object asOf = (metadata == null) ? null
				: this.json.readValue(metadata, new TypeReference<Map<String, Object>>() {
				}).get("asOf");
		return new RevisionView(r.get("org").asString(), r.get("number").asInt(),
				r.get("createdAt").asZonedDateTime().toString(), r.get("format").asString(""),
				r.get("source").asString(null), metadata, counts, (asOf instanceof String date) ? date : null);
	}

}
