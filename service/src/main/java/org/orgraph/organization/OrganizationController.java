package org.orgraph.organization;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import graphql.TrivialDataFetcher;
import graphql.schema.DataFetchingEnvironment;
import org.jspecify.annotations.Nullable;
import org.orgraph.graph.CountedConnection;
import org.orgraph.graph.Revision;
import org.orgraph.graph.RevisionItems;
import org.orgraph.graph.Revisions;
import org.orgraph.graph.Views.DutyHolderView;
import org.orgraph.graph.Views.DutyView;
import org.orgraph.graph.Views.HolderKind;
import org.orgraph.graph.Views.HoldingView;
import org.orgraph.graph.Views.OrganizationView;
import org.orgraph.graph.Views.PersonView;
import org.orgraph.graph.Views.PositionView;
import org.orgraph.graph.Views.ReportingLineView;
import org.orgraph.graph.Views.RevisionView;
import org.orgraph.graph.Views.SearchHit;
import org.orgraph.graph.Views.UnitView;
import org.springframework.context.annotation.Bean;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Mono;

/**
 * Browsing the graph: organisations, revisions, and the units, positions, people and duties
 * of one revision. Nested fields load in batches, one query per field and revision.
 */
@Controller
class OrganizationController {

	private static final String POSITION_UNIT = "Position.unit";

	private final Revisions revisions;

	private final OrganizationReader reader;

	private final RevisionItems items;

	OrganizationController(Revisions revisions, OrganizationReader reader, RevisionItems items) {
		this.revisions = revisions;
		this.reader = reader;
		this.items = items;
	}

	@QueryMapping
	List<OrganizationView> organizations() {
		return this.revisions.organizations();
	}

	@QueryMapping
	@Nullable OrganizationView organization(@Argument String key) {
		return this.revisions.organization(key).orElse(null);
	}

	@SchemaMapping(typeName = "Organization")
	List<RevisionView> revisions(OrganizationView org) {
		return this.revisions.revisions(org.key());
	}

	@SchemaMapping(typeName = "Organization")
	@Nullable RevisionView revision(OrganizationView org, @Argument @Nullable Integer number) {
		Integer n = number != null ? number : org.currentRevision();
		return n == null ? null : this.revisions.revisionView(new Revision(org.key(), n)).orElse(null);
	}

	record RevisionCounts(int units, int positions, int people, int holdings, int duties, int reportingLines,
			int derivedReportingLines) {

		static RevisionCounts of(Map<String, Object> counts) {
			return new RevisionCounts(n(counts, "units"), n(counts, "positions"), n(counts, "people"),
					n(counts, "holdings"), n(counts, "duties"), n(counts, "reportingLines"),
					n(counts, "derivedReportingLines"));
		}

		private static int n(Map<String, Object> counts, String key) {
			return counts.get(key) instanceof Number number ? number.intValue() : 0;
		}

	}

	/**
	 * Free text from the imported document and upload file names may name people ("notes":
	 * "… is being dismissed", "salaries-ada-byron.csv"): shown to roles that see names only.
	 */
	@SchemaMapping(typeName = "Revision")
	@Nullable String metadata(RevisionView revision) {
		return this.revisions.access().canSeeNames() ? revision.metadata() : null;
	}

	@SchemaMapping(typeName = "Revision")
	@Nullable String source(RevisionView revision) {
		return this.revisions.access().canSeeNames() ? revision.source() : null;
	}

	@SchemaMapping(typeName = "Revision")
	RevisionCounts counts(RevisionView revision) {
		return RevisionCounts.of(revision.counts());
	}

	@SchemaMapping(typeName = "Organization")
	CountedConnection<UnitView> units(OrganizationView org, @Argument @Nullable Integer revision,
			@Argument @Nullable Integer first, @Argument @Nullable String after) {
		Revision rev = this.revisions.resolve(org, revision);
		return CountedConnection.of(this.reader.units(rev, first, after), () -> this.revisions.count(rev, "units"));
	}

	@SchemaMapping(typeName = "Organization")
	CountedConnection<PositionView> positions(OrganizationView org, @Argument @Nullable Integer revision,
			@Argument @Nullable Integer first, @Argument @Nullable String after) {
		Revision rev = this.revisions.resolve(org, revision);
		return CountedConnection.of(this.reader.positions(rev, first, after), () -> this.revisions.count(rev, "positions"));
	}

	@SchemaMapping(typeName = "Organization")
	CountedConnection<PersonView> people(OrganizationView org, @Argument @Nullable Integer revision,
			@Argument @Nullable Integer first, @Argument @Nullable String after) {
		Revision rev = this.revisions.resolve(org, revision);
		return CountedConnection.of(this.reader.people(rev, first, after), () -> this.revisions.count(rev, "people"));
	}

	@SchemaMapping(typeName = "Organization")
	CountedConnection<DutyView> duties(OrganizationView org, @Argument @Nullable Integer revision,
			@Argument @Nullable Integer first, @Argument @Nullable String after) {
		Revision rev = this.revisions.resolve(org, revision);
		return CountedConnection.of(this.reader.duties(rev, first, after), () -> this.revisions.count(rev, "duties"));
	}

	@SchemaMapping(typeName = "Organization")
	@Nullable UnitView unit(OrganizationView org, @Argument String key, @Argument @Nullable Integer revision) {
		return this.items.unit(this.revisions.resolve(org, revision), key).orElse(null);
	}

	@SchemaMapping(typeName = "Organization")
	@Nullable PositionView position(OrganizationView org, @Argument String key, @Argument @Nullable Integer revision) {
		return this.items.position(this.revisions.resolve(org, revision), key).orElse(null);
	}

	@SchemaMapping(typeName = "Organization")
	@Nullable PersonView person(OrganizationView org, @Argument String key, @Argument @Nullable Integer revision) {
		return this.items.person(this.revisions.resolve(org, revision), key).orElse(null);
	}

	@SchemaMapping(typeName = "Organization")
	List<SearchHit> search(OrganizationView org, @Argument String text, @Argument @Nullable Integer revision,
			@Argument @Nullable Integer first) {
		return this.reader.search(this.revisions.resolve(org, revision), text, first);
	}

	// Unit

	@BatchMapping(typeName = "Unit")
	Map<UnitView, @Nullable UnitView> parent(List<UnitView> units) {
		return single(this.items.batch(units, UnitView::rev, UnitView::key, "organization/unit-parent",
				(rev, r) -> UnitView.of(rev, r.get("u").asNode())));
	}

	@BatchMapping(typeName = "Unit")
	Map<UnitView, List<UnitView>> children(List<UnitView> units) {
		return this.items.batch(units, UnitView::rev, UnitView::key, "organization/unit-children",
				(rev, r) -> UnitView.of(rev, r.get("u").asNode()));
	}

	@BatchMapping(typeName = "Unit")
	Map<UnitView, @Nullable PositionView> head(List<UnitView> units) {
		return single(this.items.batch(units, UnitView::rev, UnitView::key, "organization/unit-head", RevisionItems::position));
	}

	@BatchMapping(typeName = "Unit", field = "positions")
	Map<UnitView, List<PositionView>> unitPositions(List<UnitView> units) {
		return this.items.batch(units, UnitView::rev, UnitView::key, "organization/unit-positions", RevisionItems::position);
	}

	@BatchMapping(typeName = "Unit", field = "duties")
	Map<UnitView, List<DutyView>> unitDuties(List<UnitView> units) {
		return this.items.batch(units, UnitView::rev, UnitView::key, "organization/unit-duties",
				(rev, r) -> DutyView.of(rev, r.get("d").asNode(), HolderKind.UNIT, r.get("key").asString(),
						r.get("holderName").asString()));
	}

	// Position

	/**
	 * {@code Position.unit}: the unit the post was read with (a chain of command reads it link
	 * by link), handed back at once; only posts read without it wait for one batched query. A
	 * data loader for every post cost a chain of command of 11 links about a fifth of its time.
	 */
	@Bean
	RuntimeWiringConfigurer positionUnit(BatchLoaderRegistry loaders) {
		loaders.forTypePair(PositionView.class, UnitView.class)
			.withName(POSITION_UNIT)
			.registerMappedBatchLoader((positions, env) -> Mono.fromCallable(() -> units(positions)));
		return wiring -> wiring.type("Position", type -> type.dataFetcher("unit", new KnownUnitOrBatch()));
	}

	/**
	 * Needs nothing from the request's thread (no caller, no transaction), so it is marked
	 * trivial: graphql-java and Spring then call it without restoring thread-locals around it.
	 */
	private static final class KnownUnitOrBatch implements TrivialDataFetcher<@Nullable Object> {

		@Override
		public @Nullable Object get(DataFetchingEnvironment env) {
			PositionView position = env.getSource();
			if (position == null) {
				return null;
			}
			UnitView known = position.unit();
			return known != null ? known : env.<PositionView, UnitView>getDataLoader(POSITION_UNIT).load(position);
		}

	}

	private Map<PositionView, UnitView> units(Set<PositionView> positions) {
		Map<PositionView, UnitView> units = new LinkedHashMap<>();
		this.items.batch(List.copyOf(positions), PositionView::rev, PositionView::key, "organization/position-unit",
				(rev, r) -> UnitView.of(rev, r.get("u").asNode()))
			.forEach((position, found) -> {
				if (!found.isEmpty()) {
					units.put(position, found.getFirst());
				}
			});
		return units;
	}

	@BatchMapping(typeName = "Position")
	Map<PositionView, List<HoldingView>> holders(List<PositionView> positions) {
		Map<Item, PositionView> byKey = new HashMap<>();
		positions.forEach(p -> byKey.put(new Item(p.rev(), p.key()), p));
		return this.items.batch(positions, PositionView::rev, PositionView::key, "organization/position-holders",
				(rev, r) -> new HoldingView(PersonView.of(rev, r.get("person").asNode()),
						byKey.get(new Item(rev, r.get("key").asString())), r.get("fte").asDouble(1.0),
						r.get("acting").asBoolean(false)));
	}

	@BatchMapping(typeName = "Position")
	Map<PositionView, List<ReportingLineView>> reportsTo(List<PositionView> positions) {
		return this.items.batch(positions, PositionView::rev, PositionView::key, "organization/position-reports-to",
				(rev, r) -> new ReportingLineView(RevisionItems.position(rev, r), r.get("line").asBoolean(true),
						r.get("derived").asBoolean(false)));
	}

	@BatchMapping(typeName = "Position")
	Map<PositionView, @Nullable PositionView> concurrentWith(List<PositionView> positions) {
		return single(this.items.batch(positions, PositionView::rev, PositionView::key, "organization/position-concurrent-with",
				RevisionItems::position));
	}

	@BatchMapping(typeName = "Position", field = "duties")
	Map<PositionView, List<DutyView>> positionDuties(List<PositionView> positions) {
		return this.items.batch(positions, PositionView::rev, PositionView::key, "organization/position-duties",
				(rev, r) -> DutyView.of(rev, r.get("d").asNode(), HolderKind.POSITION, r.get("key").asString(),
						r.get("holderName").asString()));
	}

	// Person

	@BatchMapping(typeName = "Person")
	Map<PersonView, List<HoldingView>> holds(List<PersonView> people) {
		Map<Item, PersonView> byKey = new HashMap<>();
		people.forEach(p -> byKey.put(new Item(p.rev(), p.key()), p));
		return this.items.batch(people, PersonView::rev, PersonView::key, "organization/person-holds",
				(rev, r) -> new HoldingView(byKey.get(new Item(rev, r.get("key").asString())), RevisionItems.position(rev, r),
						r.get("fte").asDouble(1.0), r.get("acting").asBoolean(false)));
	}

	/** A person's name, or a stable pseudonym for callers who may not see names (viewers). */
	@SchemaMapping(typeName = "Person", field = "name")
	String personName(PersonView person) {
		return this.revisions.access().name(person.rev().organization(), person.key(), person.name());
	}

	@SchemaMapping(typeName = "Duty")
	DutyHolderView holder(DutyView duty) {
		return duty.holder();
	}

	private static <S, R> Map<S, @Nullable R> single(Map<S, List<R>> many) {
		Map<S, @Nullable R> one = new LinkedHashMap<>();
		many.forEach((source, list) -> one.put(source, list.isEmpty() ? null : list.getFirst()));
		return one;
	}

	/** An item of a revision, by key. */
	private record Item(Revision rev, String key) {
	}

}
