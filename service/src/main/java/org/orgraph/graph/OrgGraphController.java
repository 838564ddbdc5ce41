package org.orgraph.graph;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import graphql.GraphQLContext;
import org.jspecify.annotations.Nullable;
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
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * Browsing the graph: organisations, revisions, and the units, positions, people and duties
 * of one revision. Nested fields load in batches, one query per field and revision.
 */
@Controller
class OrgGraphController {

	private final OrgReader reader;

	OrgGraphController(OrgReader reader) {
		this.reader = reader;
	}

	@QueryMapping
	List<OrganizationView> organizations() {
		return this.reader.organizations();
	}

	@QueryMapping
	@Nullable OrganizationView organization(@Argument String key) {
		return this.reader.organization(key).orElse(null);
	}

	@SchemaMapping(typeName = "Organization")
	List<RevisionView> revisions(OrganizationView org) {
		return this.reader.revisions(org.key());
	}

	@SchemaMapping(typeName = "Organization")
	@Nullable RevisionView revision(OrganizationView org, @Argument @Nullable Integer number) {
		Integer n = number != null ? number : org.currentRevision();
		return n == null ? null : this.reader.revisionView(org.key(), n).orElse(null);
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
		return this.reader.access().canSeeNames() ? revision.metadata() : null;
	}

	@SchemaMapping(typeName = "Revision")
	@Nullable String source(RevisionView revision) {
		return this.reader.access().canSeeNames() ? revision.source() : null;
	}

	@SchemaMapping(typeName = "Revision")
	RevisionCounts counts(RevisionView revision) {
		return RevisionCounts.of(revision.counts());
	}

	@SchemaMapping(typeName = "Organization")
	CountedConnection<UnitView> units(OrganizationView org, @Argument @Nullable Integer revision,
			@Argument @Nullable Integer first, @Argument @Nullable String after) {
		String rev = this.reader.revision(org, revision);
		return CountedConnection.of(this.reader.units(rev, first, after),
				CountedConnection.revisionCount(this.reader, rev, "units"));
	}

	@SchemaMapping(typeName = "Organization")
	CountedConnection<PositionView> positions(OrganizationView org, @Argument @Nullable Integer revision,
			@Argument @Nullable Integer first, @Argument @Nullable String after) {
		String rev = this.reader.revision(org, revision);
		return CountedConnection.of(this.reader.positions(rev, first, after),
				CountedConnection.revisionCount(this.reader, rev, "positions"));
	}

	@SchemaMapping(typeName = "Organization")
	CountedConnection<PersonView> people(OrganizationView org, @Argument @Nullable Integer revision,
			@Argument @Nullable Integer first, @Argument @Nullable String after) {
		String rev = this.reader.revision(org, revision);
		return CountedConnection.of(this.reader.people(rev, first, after),
				CountedConnection.revisionCount(this.reader, rev, "people"));
	}

	@SchemaMapping(typeName = "Organization")
	CountedConnection<DutyView> duties(OrganizationView org, @Argument @Nullable Integer revision,
			@Argument @Nullable Integer first, @Argument @Nullable String after) {
		String rev = this.reader.revision(org, revision);
		return CountedConnection.of(this.reader.duties(rev, first, after),
				CountedConnection.revisionCount(this.reader, rev, "duties"));
	}

	@SchemaMapping(typeName = "Organization")
	@Nullable UnitView unit(OrganizationView org, @Argument String key, @Argument @Nullable Integer revision) {
		return this.reader.unit(this.reader.revision(org, revision), key).orElse(null);
	}

	@SchemaMapping(typeName = "Organization")
	@Nullable PositionView position(OrganizationView org, @Argument String key, @Argument @Nullable Integer revision) {
		return this.reader.position(this.reader.revision(org, revision), key).orElse(null);
	}

	@SchemaMapping(typeName = "Organization")
	@Nullable PersonView person(OrganizationView org, @Argument String key, @Argument @Nullable Integer revision) {
		return this.reader.person(this.reader.revision(org, revision), key).orElse(null);
	}

	@SchemaMapping(typeName = "Organization")
	List<SearchHit> search(OrganizationView org, @Argument String text, @Argument @Nullable Integer revision,
			@Argument @Nullable Integer first) {
		return this.reader.search(this.reader.revision(org, revision), text, first);
	}

	// Unit

	@BatchMapping(typeName = "Unit")
	Map<UnitView, @Nullable UnitView> parent(List<UnitView> units) {
		return single(this.reader.batch(units, UnitView::rev, UnitView::key, "graph/unit-parents",
				(rev, r) -> UnitView.of(rev, r.get("u").asNode())));
	}

	@BatchMapping(typeName = "Unit")
	Map<UnitView, List<UnitView>> children(List<UnitView> units) {
		return this.reader.batch(units, UnitView::rev, UnitView::key, "graph/unit-children",
				(rev, r) -> UnitView.of(rev, r.get("u").asNode()));
	}

	@BatchMapping(typeName = "Unit")
	Map<UnitView, @Nullable PositionView> head(List<UnitView> units) {
		return single(this.reader.batch(units, UnitView::rev, UnitView::key, "graph/unit-heads", OrgReader::position));
	}

	@BatchMapping(typeName = "Unit", field = "positions")
	Map<UnitView, List<PositionView>> unitPositions(List<UnitView> units) {
		return this.reader.batch(units, UnitView::rev, UnitView::key, "graph/unit-positions", OrgReader::position);
	}

	@BatchMapping(typeName = "Unit", field = "duties")
	Map<UnitView, List<DutyView>> unitDuties(List<UnitView> units) {
		return this.reader.batch(units, UnitView::rev, UnitView::key, "graph/unit-duties",
				(rev, r) -> DutyView.of(rev, r.get("d").asNode(), HolderKind.UNIT, r.get("key").asString(),
						r.get("holderName").asString()));
	}

	// Position

	@BatchMapping(typeName = "Position")
	Map<PositionView, @Nullable UnitView> unit(List<PositionView> positions, GraphQLContext context) {
		Map<PositionView, @Nullable UnitView> units = new LinkedHashMap<>();
		List<PositionView> unknown = new ArrayList<>();
		for (PositionView position : positions) {
			UnitView known = KnownUnits.of(context, position);
			if (known != null) {
				units.put(position, known);
			}
			else {
				unknown.add(position);
			}
		}
		if (!unknown.isEmpty()) {
			units.putAll(single(this.reader.batch(unknown, PositionView::rev, PositionView::key, "graph/position-units",
					(rev, r) -> UnitView.of(rev, r.get("u").asNode()))));
		}
		return units;
	}

	@BatchMapping(typeName = "Position")
	Map<PositionView, List<HoldingView>> holders(List<PositionView> positions) {
		Map<String, PositionView> byKey = new java.util.HashMap<>();
		positions.forEach(p -> byKey.put(p.rev() + "\u0000" + p.key(), p));
		return this.reader.batch(positions, PositionView::rev, PositionView::key, "graph/position-holdings",
				(rev, r) -> new HoldingView(PersonView.of(rev, r.get("person").asNode()),
						byKey.get(rev + "\u0000" + r.get("key").asString()), r.get("fte").asDouble(1.0),
						r.get("acting").asBoolean(false)));
	}

	@BatchMapping(typeName = "Position")
	Map<PositionView, List<ReportingLineView>> reportsTo(List<PositionView> positions) {
		return this.reader.batch(positions, PositionView::rev, PositionView::key, "graph/position-reporting",
				(rev, r) -> new ReportingLineView(OrgReader.position(rev, r), r.get("line").asBoolean(true),
						r.get("derived").asBoolean(false)));
	}

	@BatchMapping(typeName = "Position")
	Map<PositionView, @Nullable PositionView> concurrentWith(List<PositionView> positions) {
		return single(this.reader.batch(positions, PositionView::rev, PositionView::key, "graph/position-concurrent",
				OrgReader::position));
	}

	@BatchMapping(typeName = "Position", field = "duties")
	Map<PositionView, List<DutyView>> positionDuties(List<PositionView> positions) {
		return this.reader.batch(positions, PositionView::rev, PositionView::key, "graph/position-duties",
				(rev, r) -> DutyView.of(rev, r.get("d").asNode(), HolderKind.POSITION, r.get("key").asString(),
						r.get("holderName").asString()));
	}

	// Person

	@BatchMapping(typeName = "Person")
	Map<PersonView, List<HoldingView>> holds(List<PersonView> people) {
		Map<String, PersonView> byKey = new java.util.HashMap<>();
		people.forEach(p -> byKey.put(p.rev() + "\u0000" + p.key(), p));
		return this.reader.batch(people, PersonView::rev, PersonView::key, "graph/person-holdings",
				(rev, r) -> new HoldingView(byKey.get(rev + "\u0000" + r.get("key").asString()), OrgReader.position(rev, r),
						r.get("fte").asDouble(1.0), r.get("acting").asBoolean(false)));
	}

	/** A person's name, or a stable pseudonym for callers who may not see names (viewers). */
	@SchemaMapping(typeName = "Person", field = "name")
	String personName(PersonView person) {
		return this.reader.access().name(person.rev().substring(0, person.rev().lastIndexOf('/')), person.key(),
				person.name());
	}

	@SchemaMapping(typeName = "Duty")
	DutyHolderView holder(DutyView duty) {
		return duty.holder();
	}

	private static <S, R> Map<S, @Nullable R> single(Map<S, List<R>> many) {
		Map<S, @Nullable R> one = new java.util.LinkedHashMap<>();
		many.forEach((source, list) -> one.put(source, list.isEmpty() ? null : list.getFirst()));
		return one;
	}

}
