package org.orgraph.graph;

import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.neo4j.driver.Value;
import org.neo4j.driver.types.MapAccessor;
import org.neo4j.driver.types.Node;

/**
 * The read models GraphQL and the exports serve. Each carries {@code rev}, the revision it
 * was read from, so nested fields stay in the same revision; {@code rev} is never exposed.
 * Units, positions and people are read from a node or from a map of its properties (a query
 * that returns only the properties a view needs sends less over Bolt).
 */
public final class Views {

	private Views() {
	}

	public record OrganizationView(String key, String name, @Nullable Integer currentRevision) {

		static OrganizationView of(Node o) {
			return new OrganizationView(o.get("key").asString(), o.get("name").asString(o.get("key").asString()),
					o.get("currentRevision").computeOrDefault(Value::asInt, null));
		}

	}

	/**
	 * @param asOf the date the data describes (a release's "as at" date), when the import knew it
	 * @param createdAt when it was imported
	 */
	public record RevisionView(String org, int number, String createdAt, String format, @Nullable String source,
			@Nullable String metadata, Map<String, Object> counts, @Nullable String asOf) {

		/** How a person would name it: the date the data describes, else the import time. */
		public String label() {
			return (this.asOf != null) ? this.asOf : "revision " + this.number + ", imported " + this.createdAt;
		}

	}

	public record UnitView(Revision rev, String key, String name, @Nullable String kind,
			@Nullable Integer plannedHeadcount) {

		public static UnitView of(Revision rev, MapAccessor u) {
			return new UnitView(rev, u.get("key").asString(), u.get("name").asString(), u.get("kind").asString(null),
					u.get("plannedHeadcount").computeOrDefault(Value::asInt, null));
		}

	}

	/**
	 * @param unit the post's unit when the query that read the post read it too (a chain of
	 * command does, link by link), so {@code Position.unit} needs no query of its own
	 */
	public record PositionView(Revision rev, String key, String title, @Nullable String grade, int headcount,
			double juniorFte, int holderCount, @Nullable UnitView unit) {

		public PositionView(Revision rev, String key, String title, @Nullable String grade, int headcount,
				double juniorFte, int holderCount) {
			this(rev, key, title, grade, headcount, juniorFte, holderCount, null);
		}

		/** The same post, knowing its unit. */
		public PositionView withUnit(UnitView unit) {
			return new PositionView(this.rev, this.key, this.title, this.grade, this.headcount, this.juniorFte,
					this.holderCount, unit);
		}

		public boolean vacant() {
			return this.holderCount == 0;
		}

		public static PositionView of(Revision rev, org.neo4j.driver.Record r) {
			return of(rev, r.get("p").asNode(), r.get("holders"));
		}

		public static PositionView of(Revision rev, MapAccessor p, Value holders) {
			return new PositionView(rev, p.get("key").asString(), p.get("title").asString(),
					p.get("grade").asString(null), p.get("headcount").asInt(1), p.get("juniorFte").asDouble(0),
					holders.isNull() ? 0 : holders.asInt());
		}

	}

	public record PersonView(Revision rev, String key, String name) {

		public static PersonView of(Revision rev, MapAccessor p) {
			return new PersonView(rev, p.get("key").asString(), p.get("name").asString());
		}

	}

	/** A person holding a post; {@code person} and {@code position} are both present. */
	public record HoldingView(PersonView person, PositionView position, double fte, boolean acting) {
	}

	public record ReportingLineView(PositionView position, boolean line, boolean derived) {
	}

	public enum HolderKind {

		UNIT, POSITION

	}

	public record DutyHolderView(HolderKind kind, String key, String name) {
	}

	public record DutyView(Revision rev, String key, String text, DutyHolderView holder, boolean placeholder) {

		public static DutyView of(Revision rev, Node d, HolderKind kind, String holderKey, String holderName) {
			return new DutyView(rev, d.get("key").asString(), d.get("text").asString(),
					new DutyHolderView(kind, holderKey, holderName), d.get("placeholder").asBoolean(false));
		}

	}

	public enum SearchKind {

		UNIT, POSITION, PERSON

	}

	public record SearchHit(SearchKind kind, String key, String name, double score) {
	}

}
