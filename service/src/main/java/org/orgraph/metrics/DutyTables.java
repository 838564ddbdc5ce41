package org.orgraph.metrics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.orgraph.graph.Revision;
import org.orgraph.duties.DutyAnalytics;
import org.orgraph.duties.DutySimilarity;
import org.orgraph.duties.Orphan;
import org.orgraph.duties.Overlap;
import org.orgraph.duties.OverlapReviews;
import org.orgraph.graph.Views.DutyHolderView;
import org.orgraph.graph.Views.DutyView;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The duty analytics' answers as the {@code overlaps}, {@code themes} and {@code orphans} export
 * tables. Every row of a table has the same keys in the same order; keys become the CSV header
 * and the JSON property names, so once published they must never be renamed.
 */
@Component
class DutyTables {

	static final List<String> OVERLAP_COLUMNS = List.of("id", "kind", "score", "extent", "relation", "settledBy",
			"dutyKeys", "dutyTexts", "holderKinds", "holderKeys", "holderNames", "matched", "onlyInFirst", "onlyInSecond",
			"meaning", "explanation", "verdict", "reviewNote", "reviewedBy", "reviewedAt");

	static final List<String> THEME_COLUMNS = List.of("theme", "name", "words", "holderKind", "holderKey", "holderName",
			"dutyKeys", "dutyTexts", "themeHolders", "duplication");

	static final List<String> ORPHAN_COLUMNS = List.of("dutyKey", "text", "holderKind", "holderKey", "holderName",
			"reason", "explanation");

	private final DutyAnalytics duties;

	private final OverlapReviews reviews;

	DutyTables(DutyAnalytics duties, OverlapReviews reviews) {
		this.duties = duties;
		this.reviews = reviews;
	}

	List<Map<String, @Nullable Object>> overlaps(Revision rev) {
		List<Overlap> all = new java.util.ArrayList<>(this.duties.exactOverlaps(rev, DutyAnalytics.OverlapFilter.NONE));
		try {
			all.addAll(this.duties.similarOverlaps(rev, this.duties.defaultMinScore(), DutyAnalytics.OverlapFilter.NONE));
		}
		catch (DutySimilarity.TooManyPairsException ex) {
			throw new ExportTables.ExportException(HttpStatus.UNPROCESSABLE_CONTENT, "TOO_MANY_OVERLAPS", ex.getMessage());
		}
		catch (DutyAnalytics.AnalysisPendingException ex) {
			throw new ExportTables.ExportException(HttpStatus.SERVICE_UNAVAILABLE, "ANALYSIS_PENDING", ex.getMessage());
		}
		// the client report: every overlap with the consultant's verdict (DISTINCT ones too), if any
		Map<String, OverlapReviews.Review> judged = this.reviews.of(rev.organization());
		return all.stream().map(o -> row(o, OverlapReviews.of(judged, o))).toList();
	}

	List<Map<String, @Nullable Object>> orphans(Revision rev) {
		return this.duties.orphans(rev).stream().map(DutyTables::row).toList();
	}

	List<Map<String, @Nullable Object>> themes(Revision rev) {
		List<org.orgraph.duties.DutyTheme> themes;
		try {
			themes = this.duties.themes(rev);
		}
		catch (DutyAnalytics.AnalysisPendingException ex) {
			throw new ExportTables.ExportException(HttpStatus.SERVICE_UNAVAILABLE, "ANALYSIS_PENDING", ex.getMessage());
		}
		catch (DutyAnalytics.AnalysisUnavailableException ex) {
			throw new ExportTables.ExportException(HttpStatus.SERVICE_UNAVAILABLE, "ANALYSIS_UNAVAILABLE", ex.getMessage());
		}
		List<Map<String, @Nullable Object>> rows = new java.util.ArrayList<>();
		for (org.orgraph.duties.DutyTheme theme : themes) {
			for (DutyHolderView holder : theme.holders()) {
				List<DutyView> held = theme.duties().stream().filter(d -> d.holder().equals(holder)).toList();
				Map<String, @Nullable Object> row = new LinkedHashMap<>();
				row.put("theme", theme.id());
				row.put("name", theme.name());
				row.put("words", theme.words());
				row.put("holderKind", holder.kind().name());
				row.put("holderKey", holder.key());
				row.put("holderName", holder.name());
				row.put("dutyKeys", held.stream().map(DutyView::key).toList());
				row.put("dutyTexts", held.stream().map(DutyView::text).toList());
				row.put("themeHolders", theme.holders().size());
				row.put("duplication", theme.duplication());
				rows.add(row);
			}
		}
		return rows;
	}

	List<String> themeColumns() {
		return THEME_COLUMNS;
	}

	List<String> overlapColumns() {
		return OVERLAP_COLUMNS;
	}

	List<String> orphanColumns() {
		return ORPHAN_COLUMNS;
	}

	private static Map<String, @Nullable Object> row(Overlap o, OverlapReviews.@Nullable Review review) {
		Map<String, @Nullable Object> row = new LinkedHashMap<>();
		row.put("id", o.id());
		row.put("kind", o.kind().name());
		row.put("score", o.score());
		row.put("extent", o.extent().name());
		row.put("relation", o.relation().name());
		row.put("settledBy", o.settledBy());
		row.put("dutyKeys", o.duties().stream().map(DutyView::key).toList());
		row.put("dutyTexts", o.duties().stream().map(DutyView::text).toList());
		row.put("holderKinds", o.duties().stream().map(d -> d.holder().kind().name()).toList());
		row.put("holderKeys", o.duties().stream().map(d -> d.holder().key()).toList());
		row.put("holderNames", o.duties().stream().map(d -> d.holder().name()).toList());
		row.put("matched", o.evidence().matched());
		row.put("onlyInFirst", o.evidence().onlyInFirst());
		row.put("onlyInSecond", o.evidence().onlyInSecond());
		row.put("meaning", o.evidence().meaning());
		row.put("explanation", o.explanation());
		row.put("verdict", review == null ? null : review.verdict().name());
		row.put("reviewNote", review == null ? null : review.note());
		row.put("reviewedBy", review == null ? null : review.by());
		row.put("reviewedAt", review == null ? null : review.at());
		return row;
	}

	private static Map<String, @Nullable Object> row(Orphan o) {
		Map<String, @Nullable Object> row = new LinkedHashMap<>();
		row.put("dutyKey", o.duty().key());
		row.put("text", o.duty().text());
		row.put("holderKind", o.duty().holder().kind().name());
		row.put("holderKey", o.duty().holder().key());
		row.put("holderName", o.duty().holder().name());
		row.put("reason", o.reason().name());
		row.put("explanation", o.explanation());
		return row;
	}

}
