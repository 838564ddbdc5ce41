package org.orgraph.metrics;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.orgraph.graph.Revision;
import org.orgraph.graph.Views.OrganizationView;
import org.orgraph.graph.Views.PositionView;
import org.orgraph.graph.Views.UnitView;
import org.orgraph.metrics.Establishment.VacancyStatus;

/**
 * The read models of vacancies and metrics. Field names are the GraphQL field names and the
 * export column names; both are a contract and are never renamed.
 */
final class MetricsViews {

	private MetricsViews() {
	}

	/** One complete revision of an organisation: its id ({@code org/N}) and number. */
	record Scope(OrganizationView organization, Revision rev) {

		int revision() {
			return this.rev.number();
		}

	}

	/** The organisation's establishment; {@code units} and {@code positions} page the rows. */
	record Vacancies(Scope scope, int planned, int seats, int filled, double filledFte, int vacantSeats,
			int excessSeats, int shortPositions, int overEstablishedPositions) {

		public OrganizationView organization() {
			return this.scope.organization();
		}

		public int revision() {
			return this.scope.revision();
		}

		public int shortfall() {
			return Math.max(this.planned - this.filled, 0);
		}

		public int excess() {
			return Math.max(this.filled - this.planned, 0);
		}

		public VacancyStatus status() {
			return VacancyStatus.of(this.filled, this.planned);
		}

	}

	/** A post's seats against its holders ({@code holders}: person keys in key order). */
	record PositionVacancy(PositionView position, @Nullable String unit, int seats, double filledFte,
			List<String> holders, VacancyStatus status) {

		public int filled() {
			return this.holders.size();
		}

		public int vacantSeats() {
			return Math.max(this.seats - filled(), 0);
		}

		public int excess() {
			return Math.max(filled() - this.seats, 0);
		}

		public String reason() {
			return Establishment.positionReason(this.position.key(), this.position.title(), this.seats, this.holders,
					this.filledFte);
		}

		public String reasonZh() {
			return Establishment.positionReasonZh(this.position.key(), this.position.title(), this.seats, this.holders,
					this.filledFte);
		}

	}

	/** A unit's 编制 against the filled seats of its subtree, and the figures of its own posts. */
	record UnitVacancy(UnitView unit, @Nullable String parent, int planned, int parts, VacancyStatus status,
			int ownPositions, int ownSeats, int ownFilled, double ownFilledFte, int ownVacantSeats, int ownExcessSeats,
			int subtreePositions, int subtreeSeats, int subtreeFilled, double subtreeFilledFte,
			int subtreeVacantSeats, int subtreeExcessSeats) {

		public @Nullable Integer plannedHeadcount() {
			return this.unit.plannedHeadcount();
		}

		public boolean mismatch() {
			return this.unit.plannedHeadcount() != null && this.unit.plannedHeadcount() != this.parts;
		}

		public int shortfall() {
			return Math.max(this.planned - this.subtreeFilled, 0);
		}

		public int excess() {
			return Math.max(this.subtreeFilled - this.planned, 0);
		}

		public String reason() {
			return Establishment.unitReason(this.unit.plannedHeadcount(), this.parts, this.ownSeats, this.subtreeSeats,
					this.subtreeFilled, this.subtreeFilledFte);
		}

		public String reasonZh() {
			return Establishment.unitReasonZh(this.unit.plannedHeadcount(), this.parts, this.ownSeats, this.subtreeSeats,
					this.subtreeFilled, this.subtreeFilledFte);
		}

	}

	/** Structure figures of a unit: tree position, spans, people, duties ({@code metrics/unit-metrics}). */
	record UnitStructure(int depth, int subtreeUnits, int subtreeUnitDepth, @Nullable String head,
			@Nullable Integer reportingDepth, int ownPeople, int subtreePeople, Spans own, Spans subtree,
			int ownUnitDuties, int ownPositionDuties, int subtreeUnitDuties, int subtreePositionDuties) {
	}

	/** Spans of control of a set of managers (posts with at least one direct solid-line report). */
	record Spans(int managers, @Nullable Double mean, @Nullable Double median, @Nullable Integer max, int narrow) {

		public @Nullable Double narrowShare() {
			return Establishment.rate(this.narrow, this.managers);
		}

	}

	/** One unit's metrics: own… its own posts, subtree… the unit and every unit below it. */
	record UnitMetrics(UnitView unit, @Nullable String parent, int depth, int subtreeUnits, int subtreeUnitDepth,
			@Nullable String head, @Nullable Integer reportingDepth, int planned, int ownPositions,
			int subtreePositions, int ownSeats, int subtreeSeats, int ownFilled, int subtreeFilled, double ownFilledFte,
			double subtreeFilledFte, int ownVacantSeats, int subtreeVacantSeats, @Nullable Double vacancyRate,
			@Nullable Double seatVacancyRate, int ownPeople, int subtreePeople, int ownManagers,
			@Nullable Double ownSpanMean, @Nullable Double ownSpanMedian, @Nullable Integer ownSpanMax,
			@Nullable Double ownNarrowSpanShare, int subtreeManagers, @Nullable Double subtreeSpanMean,
			@Nullable Double subtreeSpanMedian, @Nullable Integer subtreeSpanMax, @Nullable Double subtreeNarrowSpanShare,
			int ownUnitDuties, int ownPositionDuties, int subtreeUnitDuties, int subtreePositionDuties) {

		static UnitMetrics of(UnitVacancy v, UnitStructure s) {
			return new UnitMetrics(v.unit(), v.parent(), s.depth(), s.subtreeUnits(), s.subtreeUnitDepth(), s.head(),
					s.reportingDepth(), v.planned(), v.ownPositions(), v.subtreePositions(), v.ownSeats(),
					v.subtreeSeats(), v.ownFilled(), v.subtreeFilled(), v.ownFilledFte(), v.subtreeFilledFte(),
					v.ownVacantSeats(), v.subtreeVacantSeats(), Establishment.rate(v.shortfall(), v.planned()),
					Establishment.rate(v.subtreeVacantSeats(), v.subtreeSeats()), s.ownPeople(), s.subtreePeople(),
					s.own().managers(), s.own().mean(), s.own().median(), s.own().max(), s.own().narrowShare(),
					s.subtree().managers(), s.subtree().mean(), s.subtree().median(), s.subtree().max(),
					s.subtree().narrowShare(), s.ownUnitDuties(), s.ownPositionDuties(), s.subtreeUnitDuties(),
					s.subtreePositionDuties());
		}

		public @Nullable Integer plannedHeadcount() {
			return this.unit.plannedHeadcount();
		}

	}

	/** Organisation-wide figures; the duty finding counts are null until duty analytics exist. */
	record OrgMetrics(OrganizationView organization, int revision, int units, int positions, int people, int holdings,
			int planned, int seats, int filled, double filledFte, int vacantSeats, int excessSeats, int vacantPositions,
			double juniorFte, int managers, @Nullable Double spanMean, @Nullable Double spanMedian,
			@Nullable Integer spanMax, @Nullable Double narrowSpanShare, int unitDepth, int reportingDepth, int tops,
			int unitDuties, int positionDuties, @Nullable Integer exactOverlaps, @Nullable Integer similarOverlaps,
			@Nullable Integer orphans) {

		public int shortfall() {
			return Math.max(this.planned - this.filled, 0);
		}

		public @Nullable Double vacancyRate() {
			return Establishment.rate(shortfall(), this.planned);
		}

		public @Nullable Double seatVacancyRate() {
			return Establishment.rate(this.vacantSeats, this.seats);
		}

		public int layers() {
			return this.positions == 0 ? 0 : this.reportingDepth + 1;
		}

		public int duties() {
			return this.unitDuties + this.positionDuties;
		}

	}

}
