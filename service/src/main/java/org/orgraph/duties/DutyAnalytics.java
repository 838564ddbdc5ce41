package org.orgraph.duties;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.LinkedHashMap;
import java.util.function.Function;
import java.util.Set;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jspecify.annotations.Nullable;
import org.orgraph.graph.Revision;
import org.orgraph.graph.ErrorCoded;
import org.orgraph.graph.RevisionCompleted;
import org.orgraph.graph.Revisions;
import org.orgraph.graph.SlowAnswers;
import org.orgraph.graph.Views.DutyHolderView;
import org.orgraph.graph.Views.DutyView;
import org.orgraph.graph.Views.HolderKind;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Overlaps and orphans of one revision, computed in memory and cached per revision (a revision
 * never changes, so answers never go stale). Exact overlaps and orphans read only the duties
 * they can concern (those the import marked shared, and those of holders that do not carry
 * their duties on their own) with the structure from the revision's projection
 * ({@link ProjectedStructure}); the rest, and revisions without marks or an exact projection,
 * read the whole revision's {@link RevisionSnapshot}. Both give the same answers.
 * <ul>
 * <li>EXACT overlaps: one pass grouping the shared duties by normal form, O(shared duties).</li>
 * <li>SIMILAR overlaps: the similarity finder's candidate generation (sub-quadratic), then
 * O(depth) per pair for relation and settling superior.</li>
 * <li>Orphans: O(P + H) in memory to find the holders that do not cover their duties, then
 * O(their duties + shared duties).</li>
 * </ul>
 */
@Service
public class DutyAnalytics {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DutyAnalytics.class);

	/** Exact-overlap groups beyond which they are worked out on every core (fewer cost less than handing out). */
	private static final int PARALLEL_GROUPS = 2_000;

	private final RevisionSnapshots snapshots;

	private final SimilarDuties similar;

	private final SlowAnswers<String, List<Overlap>> overlaps = new SlowAnswers<>(32, Duration.ofMinutes(30));

	/** Revisions and thresholds with more similar pairs than are held: found out once, not every request. */
	private final Cache<String, DutySimilarity.TooManyPairsException> tooManyPairs = Caffeine.newBuilder()
		.maximumSize(32)
		.expireAfterAccess(Duration.ofMinutes(30))
		.build();

	private final SlowAnswers<Revision, List<Orphan>> orphans = new SlowAnswers<>(32, Duration.ofMinutes(30));

	private final DutyEmbeddings embeddings;

	private final SemanticSimilarDuties semantic;

	private final Duration analysisWait;

	private final long maxPairs;

	/** Scoring under way, by cache key: one computation each, on {@link #scoring}. */
	private final ConcurrentHashMap<String, CompletableFuture<?>> scoringNow = new ConcurrentHashMap<>();

	private final ExecutorService scoring = Executors.newSingleThreadExecutor(r -> {
		Thread t = new Thread(r, "orgraph-duty-scoring");
		t.setDaemon(true);
		return t;
	});

	DutyAnalytics(RevisionSnapshots snapshots, SimilarDuties similar, DutyEmbeddings embeddings,
			SemanticSimilarDuties semantic, @Value("${orgraph.analysis-wait:3s}") Duration analysisWait,
			@Value("${orgraph.max-similar-pairs}") long maxPairs) {
		this.maxPairs = maxPairs;
		this.snapshots = snapshots;
		this.similar = similar;
		this.embeddings = embeddings;
		this.semantic = semantic;
		this.analysisWait = analysisWait;
	}

	public double defaultMinScore() {
		return degraded() ? this.similar.defaultMinScore() : OverlapScorer.DEFAULT_MIN_SCORE;
	}

	/**
	 * True when similar overlaps answer from words alone because the embedding models could not
	 * be loaded (health says why).
	 */
	public boolean degraded() {
		return this.embeddings.state() == DutyEmbeddings.State.UNAVAILABLE;
	}

	/**
	 * Starts working out the meaning of a revision's duties in the background (after an import
	 * commits), so that its similar overlaps are ready when asked for.
	 */
	public void analyseInBackground(Revision rev) {
		if (!degraded()) {
			this.semantic.start(rev);
		}
	}

	@EventListener
	void onRevisionCompleted(RevisionCompleted completed) {
		try {
			analyseInBackground(completed.rev());
		}
		catch (RuntimeException ex) {
			// the import has committed; the analysis starts again when its overlaps are asked for
			log.warn("Could not start analysing the duties of revision {}: {}", completed.rev(), ex.getMessage());
		}
	}

	/** How far the meaning of a revision's duties has been worked out. */
	public AnalysisProgress analysisProgress(Revision rev) {
		if (degraded()) {
			return new AnalysisProgress(0, 0, true);
		}
		SemanticSimilarDuties.Progress p = this.semantic.start(rev);
		return new AnalysisProgress(p.texts(), p.embedded(), p.complete());
	}

	/** Texts (duty texts and their clauses) to embed, how many are done, and whether all are. */
	public record AnalysisProgress(int texts, int embedded, boolean complete) {
	}

	/** An analysis that needs the embedding models, asked of a server without them. */
	public static final class AnalysisUnavailableException extends RuntimeException implements ErrorCoded {

		AnalysisUnavailableException(String message) {
			super(message);
		}


		@Override
		public String code() {
			return "ANALYSIS_UNAVAILABLE";
		}

	}

	/** Similar overlaps are asked for before the revision's duties have been analysed. */
	public static final class AnalysisPendingException extends RuntimeException implements ErrorCoded {

		private final AnalysisProgress progress;

		AnalysisPendingException(Revision rev, AnalysisProgress progress) {
			super((progress.texts() == 0 ? "this revision's duties are being read"
					: progress.embedded() < progress.texts()
							? "the meaning of this revision's duties is still being worked out (%d of %d texts)"
							: "the meaning of this revision's %2$d duty texts is worked out and their pairs are being scored")
				.formatted(progress.embedded(), progress.texts()) + "; ask again shortly");
			this.progress = progress;
		}

		public AnalysisProgress progress() {
			return this.progress;
		}


		@Override
		public String code() {
			return "ANALYSIS_PENDING";
		}

		@Override
		public Map<String, Object> extensions() {
			return Map.of("progress", Map.of("texts", this.progress.texts(), "embedded", this.progress.embedded()));
		}

	}

	/** Filters on overlaps; empty sets mean "all". */
	public record OverlapFilter(Set<HolderRelation> relations, @Nullable String unitSubtree) {

		public static final OverlapFilter NONE = new OverlapFilter(Set.of(), null);

	}

	/**
	 * Exact overlaps (groups of two or more duties with the same normal form). Read from the
	 * duties the import marked shared and the revision's projection when both are there: O(shared
	 * duties), not O(every duty of the revision); else from the whole revision's snapshot.
	 */
	public List<Overlap> exactOverlaps(Revision rev, OverlapFilter filter) {
		List<Overlap> all = this.overlaps.get(rev + "|EXACT", () -> computeExact(rev));
		return filter.equals(OverlapFilter.NONE) ? all : filter(this.snapshots.structure(rev), all, filter);
	}

	private List<Overlap> computeExact(Revision rev) {
		ProjectedStructure projected = this.snapshots.projected(rev);
		if (projected != null) {
			Optional<List<RevisionSnapshot.Duty>> shared = this.snapshots.sharedDuties(rev);
			if (shared.isPresent()) {
				// the import lists no placeholder: none of these duties need asking
				return computeExact(projected, shared.get(), false);
			}
		}
		RevisionSnapshot snapshot = this.snapshots.get(rev);
		return computeExact(snapshot, snapshot.duties().values());
	}

	/**
	 * Similar pairs scoring at least {@code minScore}, best first. Filtered from the pairs already
	 * held for this revision at the highest threshold not above {@code minScore}, else found at
	 * {@code minScore} itself (so raising {@code minScore} is what makes a too-large answer fit).
	 * Throws {@link DutySimilarity.TooManyPairsException} when there are more than the service holds.
	 */
	public List<Overlap> similarOverlaps(Revision rev, double minScore, OverlapFilter filter) {
		return similarOverlaps(rev, minScore, filter, this.analysisWait);
	}

	/**
	 * As {@link #similarOverlaps(String, double, OverlapFilter)}, waiting at most {@code wait} for
	 * the revision's analysis before answering {@link AnalysisPendingException}.
	 */
	public List<Overlap> similarOverlaps(Revision rev, double minScore, OverlapFilter filter, Duration wait) {
		String prefix = rev + "|SIMILAR|";
		double held = this.overlaps.keys().stream()
			.filter(k -> k.startsWith(prefix))
			.mapToDouble(k -> Double.parseDouble(k.substring(prefix.length())))
			.filter(t -> t <= minScore)
			.max()
			.orElse(minScore);
		String key = prefix + held;
		DutySimilarity.TooManyPairsException known = this.tooManyPairs.getIfPresent(key);
		if (known != null) {
			throw known;
		}
		if (!degraded() && !this.overlaps.keys().contains(key)) {
			SemanticSimilarDuties.Progress progress = this.semantic.await(rev, wait);
			if (progress.failure() != null) {
				throw new IllegalStateException("working out the meaning of the duties failed: " + progress.failure());
			}
			if (!progress.complete()) {
				throw new AnalysisPendingException(rev,
						new AnalysisProgress(progress.texts(), progress.embedded(), false));
			}
		}
		List<Overlap> all;
		try {
			all = degraded() || this.overlaps.keys().contains(key)
					? this.overlaps.get(key, () -> degraded() ? computeSimilar(this.snapshots.get(rev), held)
							: computeSemantic(this.snapshots.get(rev), held))
					: inBackground(rev, key, () -> this.overlaps.get(key, () -> computeSemantic(this.snapshots.get(rev), held)),
							wait);
		}
		catch (DutySimilarity.TooManyPairsException ex) {
			this.tooManyPairs.put(key, ex);
			throw ex;
		}
		List<Overlap> scored = held == minScore ? all : all.stream().filter(o -> o.score() >= minScore).toList();
		return filter(this.snapshots.get(rev), scored, filter);
	}

	private final SlowAnswers<Revision, List<DutyTheme>> themes = new SlowAnswers<>(16, Duration.ofMinutes(30));

	/** Links between duties at least this likely to overlap join them in one theme. */
	static final double THEME_LINK = 0.5;

	/** A similar pair's score as answered: three decimals, and below 1, which only EXACT pairs score. */
	static double similarScore(double score) {
		return Math.min(0.999, Math.round(score * 1000) / 1000.0);
	}

	/** A theme grows no larger than this many distinct texts: chains of partial overlaps stop there. */
	static final int THEME_MAX_TEXTS = 25;

	/**
	 * The revision's duties grouped into themes, largest first: duties linked by a likely overlap
	 * (meaning and components, {@link #THEME_LINK}) fall into one theme, strongest links first and
	 * no theme larger than {@link #THEME_MAX_TEXTS} texts. Needs the duties' meaning, as SIMILAR does.
	 */
	public List<DutyTheme> themes(Revision rev) {
		if (degraded()) {
			throw new AnalysisUnavailableException("duty themes need the embedding models, which are not available "
					+ "on this server (health says why)");
		}
		SemanticSimilarDuties.Progress progress = this.semantic.await(rev, this.analysisWait);
		if (!progress.complete()) {
			throw new AnalysisPendingException(rev, new AnalysisProgress(progress.texts(), progress.embedded(), false));
		}
		if (this.themes.keys().contains(rev)) {
			return this.themes.get(rev, () -> computeThemes(this.snapshots.get(rev)));
		}
		return inBackground(rev, rev + "|THEMES",
				() -> this.themes.get(rev, () -> computeThemes(this.snapshots.get(rev))), this.analysisWait);
	}

	/**
	 * Scoring a large organisation's pairs takes a while (tens of seconds at 10k posts): it runs on
	 * its own thread, once per key, and a request waits at most {@code wait} for it before
	 * answering {@link AnalysisPendingException}, so that no request holds a thread for the whole
	 * computation and the page shows the exact overlaps meanwhile.
	 */
	@SuppressWarnings("unchecked")
	private <T> T inBackground(Revision rev, String key, Supplier<T> compute, Duration wait) {
		CompletableFuture<T> running = (CompletableFuture<T>) this.scoringNow
			.computeIfAbsent(key, k -> {
				CompletableFuture<Object> f = CompletableFuture
					.supplyAsync(compute::get, this.scoring);
				f.whenComplete((answer, failure) -> this.scoringNow.remove(k));
				return f;
			});
		try {
			return running.get(wait.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			int texts = this.semantic.start(rev).texts();
			throw new AnalysisPendingException(rev, new AnalysisProgress(texts, texts, false));
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IllegalStateException(ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while scoring the duties of " + rev, ex);
		}
	}

	private List<DutyTheme> computeThemes(RevisionSnapshot s) {
		Map<String, List<RevisionSnapshot.Duty>> byText = new java.util.LinkedHashMap<>();
		for (RevisionSnapshot.Duty d : s.duties().values()) {
			if (!d.norm().isEmpty()) {
				byText.computeIfAbsent(DutyComponents.meaningText(d.text()), k -> new ArrayList<>()).add(d);
			}
		}
		List<String> texts = List.copyOf(byText.keySet());
		Map<String, Integer> index = new HashMap<>();
		for (int i = 0; i < texts.size(); i++) {
			index.put(texts.get(i), i);
		}
		int[] parent = new int[texts.size()];
		int[] size = new int[texts.size()];
		for (int i = 0; i < parent.length; i++) {
			parent[i] = i;
			size[i] = 1;
		}
		List<SemanticSimilarDuties.TextPair> links = new ArrayList<>(this.semantic.textPairs(s, THEME_LINK));
		links.sort(Comparator.comparingDouble((SemanticSimilarDuties.TextPair p) -> -p.scored().score()));
		Map<Integer, Map<String, Integer>> sharedWords = new HashMap<>();
		for (SemanticSimilarDuties.TextPair link : links) {
			if (link.scored().score() < THEME_LINK || link.features().contrasting()) {
				continue;
			}
			Integer a = index.get(link.a());
			Integer b = index.get(link.b());
			if (a == null || b == null) {
				continue;
			}
			int ra = root(parent, a);
			int rb = root(parent, b);
			if (ra == rb || size[ra] + size[rb] > THEME_MAX_TEXTS) {
				continue;
			}
			parent[rb] = ra;
			size[ra] += size[rb];
			Map<String, Integer> words = sharedWords.computeIfAbsent(ra, k -> new HashMap<>());
			Map<String, Integer> merged = sharedWords.remove(rb);
			if (merged != null) {
				merged.forEach((w, n) -> words.merge(w, n, Integer::sum));
			}
			link.scored().shared().forEach(w -> words.merge(w, 1, Integer::sum));
		}
		Map<Integer, List<Integer>> members = new java.util.TreeMap<>();
		for (int i = 0; i < texts.size(); i++) {
			members.computeIfAbsent(root(parent, i), k -> new ArrayList<>()).add(i);
		}
		List<DutyTheme> result = new ArrayList<>();
		for (Map.Entry<Integer, List<Integer>> theme : members.entrySet()) {
			List<RevisionSnapshot.Duty> duties = new ArrayList<>();
			theme.getValue().forEach(i -> duties.addAll(byText.get(texts.get(i))));
			duties.sort(Comparator.comparing(RevisionSnapshot.Duty::key));
			List<String> words = sharedWords.getOrDefault(theme.getKey(), Map.of())
				.entrySet()
				.stream()
				.sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry::getKey))
				.limit(3)
				.map(Map.Entry::getKey)
				.toList();
			List<DutyView> views = views(s, duties);
			List<DutyHolderView> holders = views.stream().map(DutyView::holder).distinct().toList();
			String name = words.isEmpty() ? DutyComponents.meaningText(duties.getFirst().text())
					: String.join(words.getFirst().chars().anyMatch(c -> c > 127) ? "" : " ", words);
			result.add(new DutyTheme("T:" + duties.getFirst().key(), name, words, views, holders,
					duplicated(s, duties)));
		}
		result.sort(Comparator.comparing((DutyTheme t) -> -t.holders().size())
			.thenComparing(t -> -t.duties().size())
			.thenComparing(DutyTheme::id));
		return List.copyOf(result);
	}

	private static int root(int[] parent, int i) {
		while (parent[i] != i) {
			parent[i] = parent[parent[i]];
			i = parent[i];
		}
		return i;
	}

	/** Several holders of which some two are neither one holder nor a unit and its own post. */
	private static boolean duplicated(OrgStructure s, List<RevisionSnapshot.Duty> duties) {
		for (int i = 0; i < duties.size(); i++) {
			for (int j = i + 1; j < duties.size(); j++) {
				HolderRelation r = relation(s, duties.get(i), duties.get(j));
				if (r != HolderRelation.SAME_HOLDER && r != HolderRelation.UNIT_AND_OWN_POSITION) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * Duties nobody effectively holds, with the reason, in duty key order. When the import marked
	 * the revision's shared duties and its projection holds its structure, only the duties of
	 * holders that do not carry them on their own (vacant posts, posts filled only concurrently,
	 * units without such a post) and the shared duties are read: a duty of any other holder is
	 * covered, and one sharing a normal form with it is among the shared. Else the whole revision.
	 */
	public List<Orphan> orphans(Revision rev) {
		return this.orphans.get(rev, () -> computeOrphans(rev));
	}

	private List<Orphan> computeOrphans(Revision rev) {
		ProjectedStructure projected = this.snapshots.projected(rev);
		if (projected != null) {
			Optional<List<RevisionSnapshot.Duty>> shared = this.snapshots.sharedDuties(rev);
			if (shared.isPresent()) {
				Map<String, RevisionSnapshot.Duty> duties = new LinkedHashMap<>();
				shared.get().forEach(d -> duties.put(d.key(), d));
				this.snapshots.dutiesOf(rev, projected.notCovering()).forEach(d -> duties.put(d.key(), d));
				return computeOrphans(projected, duties.values());
			}
		}
		RevisionSnapshot snapshot = this.snapshots.get(rev);
		return computeOrphans(snapshot, snapshot.duties().values());
	}

	/** A duty of the revision by key. */
	public Optional<RevisionSnapshot.Duty> duty(Revision rev, String key) {
		return Optional.ofNullable(this.snapshots.get(rev).duties().get(key));
	}

	/** Positions that hold no duty, in key order. */
	public List<String> positionsWithoutDuties(Revision rev) {
		RevisionSnapshot s = this.snapshots.get(rev);
		Set<String> holding = new java.util.HashSet<>();
		s.duties().values().stream().filter(d -> "POSITION".equals(d.holderKind())).forEach(d -> holding.add(d.holder()));
		return s.positions().keySet().stream().filter(p -> !holding.contains(p)).sorted().toList();
	}

	/** Units with neither positions nor duties of their own, in key order. */
	public List<String> unitsWithoutPositionsOrDuties(Revision rev) {
		RevisionSnapshot s = this.snapshots.get(rev);
		Set<String> busy = new java.util.HashSet<>(s.positionsInUnits().keySet());
		s.duties().values().stream().filter(d -> "UNIT".equals(d.holderKind())).forEach(d -> busy.add(d.holder()));
		return s.units().keySet().stream().filter(u -> !busy.contains(u)).sorted().toList();
	}

	/** Groups {@code duties} by normal form: every group of two or more is an exact overlap. */
	List<Overlap> computeExact(OrgStructure s, Iterable<RevisionSnapshot.Duty> duties) {
		return computeExact(s, duties, true);
	}

	/**
	 * {@code askPlaceholders}: whether a duty's view asks its text if it is a placeholder; the
	 * store's reads leave out the duties an import flagged, so only revisions written before
	 * imports flagged them can hold one.
	 */
	private List<Overlap> computeExact(OrgStructure s, Iterable<RevisionSnapshot.Duty> duties, boolean askPlaceholders) {
		// most normal forms are held once: remember the first duty of each, and make a group only
		// when a second arrives, instead of a list for each of the six million duties of a 1M organisation
		Map<String, RevisionSnapshot.Duty> first = new HashMap<>();
		Map<String, List<RevisionSnapshot.Duty>> byNorm = new HashMap<>();
		for (RevisionSnapshot.Duty d : duties) {
			if (d.norm().isEmpty()) {
				continue;
			}
			RevisionSnapshot.Duty earlier = first.putIfAbsent(d.norm(), d);
			if (earlier != null) {
				byNorm.computeIfAbsent(d.norm(), k -> new ArrayList<>(List.of(earlier))).add(d);
			}
		}
		// each group is worked out on its own from the (immutable) structure: a large organisation's
		// hundreds of thousands of groups on every core
		var groups = byNorm.values().size() > PARALLEL_GROUPS ? byNorm.values().parallelStream()
				: byNorm.values().stream();
		List<Overlap> result = new ArrayList<>(groups.map(group -> {
			group.sort(Comparator.comparing(RevisionSnapshot.Duty::key));
			return overlap(s, "E:" + group.getFirst().key(), Overlap.Kind.EXACT, 1.0, Overlap.Extent.FULL, group,
					Overlap.Evidence.SAME_TEXT, askPlaceholders);
		}).toList());
		result.sort(Comparator.comparingInt((Overlap o) -> -o.duties().size()).thenComparing(Overlap::id));
		return List.copyOf(result);
	}

	private List<Overlap> computeSimilar(RevisionSnapshot s, double minScore) {
		List<RevisionSnapshot.Duty> duties = List.copyOf(s.duties().values());
		List<Overlap> result = new ArrayList<>();
		for (SimilarDuties.Pair pair : this.similar.find(duties, minScore)) {
			RevisionSnapshot.Duty a = s.duties().get(pair.a());
			RevisionSnapshot.Duty b = s.duties().get(pair.b());
			if (a == null || b == null || a.norm().equals(b.norm())) {
				continue;
			}
			List<RevisionSnapshot.Duty> both = a.key().compareTo(b.key()) <= 0 ? List.of(a, b) : List.of(b, a);
			boolean swapped = both.getFirst() != a;
			Overlap.Evidence evidence = Overlap.Evidence.ofWords(pair.matched(),
					swapped ? pair.onlyInB() : pair.onlyInA(), swapped ? pair.onlyInA() : pair.onlyInB());
			result.add(overlap(s, "S:" + both.get(0).key() + "|" + both.get(1).key(), Overlap.Kind.SIMILAR,
					similarScore(pair.score()), pair.score() >= 0.8 ? Overlap.Extent.FULL
							: Overlap.Extent.PARTIAL, both, evidence, true));
		}
		result.sort(Comparator.comparing((Overlap o) -> -o.score()).thenComparing(Overlap::id));
		return List.copyOf(result);
	}

	/**
	 * Similar pairs by meaning and components: distinct texts scored once, then spread over the
	 * duties that hold them; a pair one holder lists twice is scored as such.
	 */
	private List<Overlap> computeSemantic(RevisionSnapshot s, double minScore) {
		Map<String, List<RevisionSnapshot.Duty>> byText = new HashMap<>();
		for (RevisionSnapshot.Duty d : s.duties().values()) {
			if (!d.norm().isEmpty()) {
				byText.computeIfAbsent(DutyComponents.meaningText(d.text()), k -> new ArrayList<>()).add(d);
			}
		}
		List<Overlap> result = new ArrayList<>();
		for (SemanticSimilarDuties.TextPair pair : this.semantic.textPairs(s, minScore)) {
			for (RevisionSnapshot.Duty a : byText.getOrDefault(pair.a(), List.of())) {
				for (RevisionSnapshot.Duty b : byText.getOrDefault(pair.b(), List.of())) {
					if (a.norm().equals(b.norm())) {
						continue;
					}
					double[] x = pair.features().values(relation(s, a, b));
					double score = OverlapScorer.likelihood(x);
					if (score < minScore) {
						continue;
					}
					boolean full = OverlapScorer.logistic(OverlapScorer.FULL_WEIGHTS, x) >= 0.5;
					boolean swapped = a.key().compareTo(b.key()) > 0;
					List<RevisionSnapshot.Duty> both = swapped ? List.of(b, a) : List.of(a, b);
					OverlapScorer.Scored sc = pair.scored();
					Overlap.Evidence evidence = new Overlap.Evidence(sc.shared(),
							swapped ? sc.onlyInSecond() : sc.onlyInFirst(), swapped ? sc.onlyInFirst() : sc.onlyInSecond(),
							Math.round(pair.features().cosine() * 1000) / 1000.0, pair.features().contrasting());
					result.add(overlap(s, "S:" + both.get(0).key() + "|" + both.get(1).key(), Overlap.Kind.SIMILAR,
							similarScore(score), full ? Overlap.Extent.FULL : Overlap.Extent.PARTIAL,
							both, evidence, true));
					if (result.size() > this.maxPairs) {
						throw new DutySimilarity.TooManyPairsException(this.maxPairs, minScore);
					}
				}
			}
		}
		result.sort(Comparator.comparing((Overlap o) -> -o.score()).thenComparing(Overlap::id));
		return List.copyOf(result);
	}

	private Overlap overlap(OrgStructure s, String id, Overlap.Kind kind, double score, Overlap.Extent extent,
			List<RevisionSnapshot.Duty> duties, Overlap.Evidence evidence, boolean askPlaceholders) {
		HolderRelation relation = HolderRelation.SAME_HOLDER;
		for (int i = 0; i < duties.size(); i++) {
			for (int j = i + 1; j < duties.size(); j++) {
				HolderRelation r = relation(s, duties.get(i), duties.get(j));
				if (r.ordinal() > relation.ordinal()) {
					relation = r;
				}
			}
		}
		String settledBy = settledBy(s, duties);
		List<DutyView> views = views(s, duties, askPlaceholders);
		return new Overlap(id, kind, score, extent, views, relation, settledBy,
				settledBy == null ? null : s.title(settledBy), s.rev(), evidence);
	}

	/** The unit a holder sits in: the unit itself, or the position's unit. */
	private static @Nullable String unitOf(OrgStructure s, RevisionSnapshot.Duty d) {
		if (d.holder() == null) {
			return null;
		}
		return "UNIT".equals(d.holderKind()) ? d.holder() : s.unitOfPosition(d.holder());
	}

	/** The position that answers for a holder: the post itself, or the unit's (nearest) head. */
	private static @Nullable String answerable(OrgStructure s, RevisionSnapshot.Duty d) {
		if (d.holder() == null) {
			return null;
		}
		return "POSITION".equals(d.holderKind()) ? d.holder() : s.answerableFor(d.holder());
	}

	static HolderRelation relation(OrgStructure s, RevisionSnapshot.Duty a, RevisionSnapshot.Duty b) {
		if (a.holder() == null || b.holder() == null) {
			return HolderRelation.CROSS_BRANCH;
		}
		if (a.holder().equals(b.holder()) && a.holderKind().equals(b.holderKind())) {
			return HolderRelation.SAME_HOLDER;
		}
		String unitA = unitOf(s, a);
		String unitB = unitOf(s, b);
		boolean unitInvolved = "UNIT".equals(a.holderKind()) || "UNIT".equals(b.holderKind());
		if (unitInvolved && unitA != null && unitA.equals(unitB)) {
			return "UNIT".equals(a.holderKind()) && "UNIT".equals(b.holderKind()) ? HolderRelation.SAME_HOLDER
					: HolderRelation.UNIT_AND_OWN_POSITION;
		}
		if ("POSITION".equals(a.holderKind()) && "POSITION".equals(b.holderKind())) {
			if (s.inChain(a.holder(), b.holder()) || s.inChain(b.holder(), a.holder())) {
				return HolderRelation.DELEGATION;
			}
			if (s.sameManager(a.holder(), b.holder())) {
				return HolderRelation.SIBLINGS;
			}
		}
		if (unitA == null || unitB == null) {
			return HolderRelation.CROSS_BRANCH;
		}
		if (s.inAncestry(unitA, unitB) || s.inAncestry(unitB, unitA)) {
			return unitA.equals(unitB) ? HolderRelation.SIBLINGS : HolderRelation.PARENT_CHILD;
		}
		if (s.sameParentUnit(unitA, unitB)) {
			return HolderRelation.SIBLINGS;
		}
		return HolderRelation.CROSS_BRANCH;
	}

	/** The lowest position in every holder's chain of command, or null when they share no top. */
	static @Nullable String settledBy(OrgStructure s, List<RevisionSnapshot.Duty> duties) {
		List<String> answerable = new ArrayList<>(duties.size());
		for (RevisionSnapshot.Duty d : duties) {
			String post = answerable(s, d);
			if (post == null) {
				return null;
			}
			answerable.add(post);
		}
		return s.lowestCommonSuperior(answerable);
	}

	/** The duties of one overlap, theme or orphaned responsibility as shown. */
	private static List<DutyView> views(OrgStructure s, List<RevisionSnapshot.Duty> duties) {
		return views(s, duties, true);
	}

	private static List<DutyView> views(OrgStructure s, List<RevisionSnapshot.Duty> duties, boolean askPlaceholders) {
		return duties.stream().map(d -> view(s, d, askPlaceholders)).toList();
	}

	private static DutyView view(OrgStructure s, RevisionSnapshot.Duty d, boolean askPlaceholder) {
		HolderKind kind = d.holderKind() == null ? HolderKind.UNIT : HolderKind.valueOf(d.holderKind());
		String name = d.holder() == null ? null : kind == HolderKind.UNIT ? s.unitName(d.holder()) : s.title(d.holder());
		return new DutyView(s.rev(), d.key(), d.text(),
				new DutyHolderView(kind, d.holder() == null ? "" : d.holder(), name == null ? "" : name),
				askPlaceholder && PlaceholderDuties.isPlaceholder(d.text()));
	}

	private List<Overlap> filter(OrgStructure s, List<Overlap> overlaps, OverlapFilter filter) {
		if (filter.relations().isEmpty() && filter.unitSubtree() == null) {
			return overlaps;
		}
		return overlaps.stream()
			.filter(o -> filter.relations().isEmpty() || filter.relations().contains(o.relation()))
			.filter(o -> filter.unitSubtree() == null || o.duties().stream().anyMatch(d -> {
				String unit = d.holder().key().isEmpty() ? null
						: d.holder().kind() == HolderKind.UNIT ? d.holder().key() : s.unitOfPosition(d.holder().key());
				return unit != null && s.inAncestry(unit, filter.unitSubtree());
			}))
			.toList();
	}

	/**
	 * A responsibility is orphaned when none of its duties is covered on its own (see
	 * {@link #verdict}), so only the uncovered duties are grouped by normal form, and a group
	 * is dropped as soon as a covered duty shares its normal form: most duties are covered, and
	 * grouping all of them held a list per duty.
	 */
	List<Orphan> computeOrphans(OrgStructure s, Iterable<RevisionSnapshot.Duty> duties) {
		Function<String, List<String>> positionsByUnit = s.positionsByUnit();
		Map<String, List<RevisionSnapshot.Duty>> byNorm = new HashMap<>();
		for (RevisionSnapshot.Duty d : duties) {
			if (verdict(s, List.of(d), positionsByUnit) != null) {
				byNorm.computeIfAbsent(group(d), k -> new ArrayList<>()).add(d);
			}
		}
		for (RevisionSnapshot.Duty d : duties) {
			if (byNorm.containsKey(group(d)) && verdict(s, List.of(d), positionsByUnit) == null) {
				byNorm.remove(group(d));
			}
		}
		List<Orphan> result = new ArrayList<>();
		for (List<RevisionSnapshot.Duty> group : byNorm.values()) {
			// in key order, so the explanation names the holders in the same order whichever way the
			// duties were read (the store's order, or the import's)
			group.sort(Comparator.comparing(RevisionSnapshot.Duty::key));
			Verdict verdict = verdict(s, group, positionsByUnit);
			if (verdict != null) {
				for (DutyView view : views(s, group)) {
					result.add(new Orphan(view, verdict.reason(), verdict.explanation(), verdict.subjects()));
				}
			}
		}
		result.sort(Comparator.comparing(o -> o.duty().key()));
		return List.copyOf(result);
	}

	/** Duties with no normal form (no words at all) are each a responsibility of their own. */
	private static String group(RevisionSnapshot.Duty d) {
		return d.norm().isEmpty() ? "#" + d.key() : d.norm();
	}

	/** {@code subjects}: the units or posts the explanation names, for its other languages. */
	private record Verdict(OrphanReason reason, String explanation, List<String> subjects) {
	}

	/**
	 * A responsibility (all duties with one normal form) is covered when some filled post
	 * holds it, directly or as a post in the unit that owns it, and that post's holders do not
	 * hold it only alongside another post.
	 */
	private static @Nullable Verdict verdict(OrgStructure s, List<RevisionSnapshot.Duty> group,
			Function<String, List<String>> positionsByUnit) {
		if (group.stream().allMatch(d -> d.holder() == null)) {
			return new Verdict(OrphanReason.NO_HOLDER, "no unit or position holds this duty", List.of());
		}
		Set<String> covering = new LinkedHashSet<>();
		List<String> emptyUnits = new ArrayList<>();
		for (RevisionSnapshot.Duty d : group) {
			if (d.holder() == null) {
				continue;
			}
			if ("POSITION".equals(d.holderKind())) {
				covering.add(d.holder());
			}
			else {
				List<String> inUnit = positionsByUnit.apply(d.holder());
				if (inUnit.isEmpty()) {
					emptyUnits.add(Objects.requireNonNullElse(s.unitName(d.holder()), d.holder()));
				}
				covering.addAll(inUnit);
			}
		}
		if (covering.isEmpty()) {
			return new Verdict(OrphanReason.UNIT_ONLY, "held only by " + String.join(", ", emptyUnits)
					+ ", which has no positions; no post holds it", List.copyOf(emptyUnits));
		}
		List<String> filled = covering.stream().filter(p -> !s.vacant(p)).toList();
		if (filled.isEmpty()) {
			List<String> vacant = covering.stream().map(p -> s.title(p) + " (" + p + ")").toList();
			return new Verdict(OrphanReason.ALL_HOLDERS_VACANT,
					"every post that would carry it is vacant: " + String.join(", ", vacant), vacant);
		}
		boolean onlyConcurrent = filled.stream().allMatch(s::concurrentOnly);
		if (onlyConcurrent) {
			List<String> concurrent = filled.stream().map(p -> s.title(p) + " (" + p + ")").toList();
			return new Verdict(OrphanReason.ONLY_CONCURRENT,
					"held only through posts filled concurrently (兼任): " + String.join(", ", concurrent), concurrent);
		}
		return null;
	}

}
