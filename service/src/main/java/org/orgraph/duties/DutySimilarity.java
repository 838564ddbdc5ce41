package org.orgraph.duties;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.orgraph.graph.ErrorCoded;

/**
 * Finds duties that say the same thing: exactly (the same {@link DutyText#normalize normal form})
 * or similarly (a score in [0, 1] with the terms that matched and those that did not).
 *
 * <h2>Score</h2>
 * Each distinct duty text becomes two sets of terms: words (Lucene SmartCN segmentation for
 * Chinese, Porter stems for English, function words such as 的/和/负责/the dropped) and the
 * character bigrams of its Chinese content words run together clause by clause (they catch what
 * segmentation splits differently and keep word order). Every term is weighted by its inverse
 * document frequency over the duties being compared, {@code idf = ln(1 + N / df)}, so a template
 * word that many duties share (制定, 酒店, 确保, 工作) counts little and a rare one counts much.
 * With {@code w} and {@code b} the unit-length IDF vectors of words and bigrams,
 * <pre>score(x, y) = WORD_SHARE · cos(w_x, w_y) + (1 − WORD_SHARE) · cos(b_x, b_y)</pre>
 * which is itself the cosine of the unit vectors {@code [√WORD_SHARE·w, √(1−WORD_SHARE)·b]}
 * (a duty without Chinese characters is its word vector alone). Duties with the same normal form
 * score 1.
 *
 * <h2>Candidates</h2>
 * Not all pairs are compared. Terms are put in one global order, rarest first; a pair whose
 * score reaches {@code t} must share a term within the shortest prefix of each duty's terms whose
 * remaining suffix has norm below {@code t} (the first shared term: were it in a suffix, every
 * shared term would be, and Cauchy–Schwarz bounds the score by the suffix norm). Only those
 * prefixes go into the inverted index, so a pair is compared only when a rare term both duties
 * lean on is shared, and no pair at or above {@code t} is missed, except pairs that share nothing
 * but terms held by more than {@link #postingCap(int)} duties, which are not indexed (a bound on
 * the work per term; such terms weigh little anyway).
 *
 * <h2>Complexity</h2>
 * n duties of at most L terms, p terms per prefix (p ≤ L, small for high thresholds), c the
 * posting cap: tokenising and weighting O(n·L); candidate generation O(Σ over indexed terms of
 * posting²) ≤ O(n·p·c), in practice a small multiple of n since prefixes hold the rarest terms;
 * each candidate is scored in O(L); memory O(n·L). No all-pairs scan: {@link Stats#comparisons()}
 * counts the pairs actually scored.
 */
public final class DutySimilarity {

	/**
	 * Chosen on the labelled pairs in {@code src/test/resources/duties} (precision 0.94, recall
	 * 0.85 there; 0.4 would give 0.94 and 0.92) and on the demo organisations, where pairs scoring
	 * 0.4 to 0.5 are a mix of real overlaps and duties sharing only a topic or a purpose clause
	 * (…,提供决策依据), while those above 0.5 are nearly all real overlaps: a default a
	 * consultant can trust, to be lowered when looking for more.
	 */
	public static final double DEFAULT_MIN_SCORE = 0.5;

	/** How much of the score the word cosine carries; the rest is the character-bigram cosine. */
	static final double WORD_SHARE = 0.5;

	private static final int EVIDENCE_TERMS = 10;

	private static final Set<String> STOPWORDS = Set.of(
			// Chinese function words and modals (负责 is what every duty says)
			"的", "地", "得", "和", "与", "及", "以及", "并", "并且", "或", "或者", "等", "等等", "各", "各个", "各类", "各项", "对",
			"为", "在", "了", "其", "之", "由", "将", "把", "被", "从", "向", "于", "以", "以便", "负责", "主要", "全面", "具体", "应",
			"应当", "需要", "须", "进行", "相关", "包括", "如", "所", "是", "也", "还", "会", "要", "他们", "我们", "该", "有",
			// English function words as Porter stems (SmartCN stems English)
			"the", "a", "an", "of", "and", "or", "for", "to", "in", "on", "with", "all", "by", "at", "as", "is", "ar",
			"be", "it", "s", "thi", "that", "from", "into", "across", "includ", "within", "our", "their", "respons");

	private static final Pattern CLAUSE_BREAK = Pattern.compile("[\\p{P}\\p{S}]+");

	private static final Analyzer ANALYZER = new SmartChineseAnalyzer(CharArraySet.EMPTY_SET);

	private DutySimilarity() {
	}

	/** A duty to compare: its key (as the user gave it) and its text. */
	public record DutyInput(String key, String text) {
	}

	/**
	 * Two duties that say the same or nearly the same thing. {@code exact} when their normal forms
	 * are equal (score 1). {@code matched} are the shared terms, heaviest first, as written in
	 * {@code a}; {@code onlyInA} and {@code onlyInB} the heaviest terms the other lacks.
	 */
	public record SimilarPair(String a, String b, double score, boolean exact, List<String> matched,
			List<String> onlyInA, List<String> onlyInB) {
	}

	/**
	 * What a run did: {@code duties} given, {@code distinctTexts} after exact grouping,
	 * {@code comparisons} distinct-text pairs scored (the rest were never looked at),
	 * {@code cappedTerms} terms left out of the index for being too common.
	 */
	public record Stats(int duties, int distinctTexts, long comparisons, int cappedTerms) {

		/** All the pairs an all-pairs scan of the distinct texts would have scored. */
		public long allPairs() {
			return (long) this.distinctTexts * (this.distinctTexts - 1) / 2;
		}

	}

	public record Result(List<SimilarPair> pairs, Stats stats) {
	}

	/**
	 * Duties grouped by normal form, only groups of two or more, in input order: the exact
	 * overlaps. O(n) normalisations and a hash map.
	 */
	public static Map<String, List<String>> exactGroups(List<DutyInput> duties) {
		Map<String, List<String>> groups = new LinkedHashMap<>();
		for (DutyInput duty : duties) {
			groups.computeIfAbsent(DutyText.normalize(duty.text()), n -> new ArrayList<>()).add(duty.key());
		}
		groups.values().removeIf(keys -> keys.size() < 2);
		return groups;
	}

	/** Every pair of duties scoring at least {@code minScore}, highest first; see the class comment. */
	public static Result findSimilar(List<DutyInput> duties, double minScore) {
		return findSimilar(duties, minScore, Long.MAX_VALUE);
	}

	/**
	 * As {@link #findSimilar(List, double)}, but gives up with {@link TooManyPairsException} as
	 * soon as more than {@code maxPairs} pairs are found. How many pairs there are depends on
	 * the text: duties written from one template share most of their terms, and such a family
	 * of n duties makes about n²/2 pairs (44.6 million among the 591,000 duties of the 100k
	 * benchmark organisation, whose duties all come from one vocabulary), too many to hold.
	 */
	public static Result findSimilar(List<DutyInput> duties, double minScore, long maxPairs) {
		if (!(minScore > 0 && minScore <= 1)) {
			throw new IllegalArgumentException("minScore must be in (0, 1], was " + minScore);
		}
		// normalising and cutting into words are most of the work and independent per text: on every core
		List<String> norms = duties.parallelStream().map(d -> DutyText.normalize(d.text())).toList();
		Map<String, List<String>> keysByNorm = new LinkedHashMap<>();
		Map<String, String> textByNorm = new HashMap<>();
		for (int i = 0; i < duties.size(); i++) {
			DutyInput duty = duties.get(i);
			keysByNorm.computeIfAbsent(norms.get(i), n -> new ArrayList<>()).add(duty.key());
			textByNorm.putIfAbsent(norms.get(i), duty.text());
		}
		List<Doc> docs = keysByNorm.entrySet()
			.parallelStream()
			.map(e -> analyse(textByNorm.get(e.getKey()), e.getValue()))
			.toList();
		Corpus corpus = Corpus.of(docs);

		List<SimilarPair> pairs = new ArrayList<>();
		for (Doc doc : docs) {
			if (doc.keys.size() < 2) {
				continue;
			}
			List<String> words = corpus.heaviestWords(doc, doc.words.keySet(), Set.of());
			for (int i = 0; i < doc.keys.size(); i++) {
				for (int j = i + 1; j < doc.keys.size(); j++) {
					pairs.add(new SimilarPair(doc.keys.get(i), doc.keys.get(j), 1.0, true, words, List.of(),
							List.of()));
				}
			}
			if (pairs.size() > maxPairs) {
				throw new TooManyPairsException(maxPairs, minScore);
			}
		}
		long comparisons = corpus.join(minScore, (x, y, score) -> {
			Doc a = docs.get(x);
			Doc b = docs.get(y);
			if (pairs.size() + (long) a.keys.size() * b.keys.size() > maxPairs) {
				throw new TooManyPairsException(maxPairs, minScore);
			}
			Evidence evidence = corpus.evidence(a, b);
			for (String keyA : a.keys) {
				for (String keyB : b.keys) {
					pairs.add(new SimilarPair(keyA, keyB, score, false, evidence.matched, evidence.onlyInA,
							evidence.onlyInB));
				}
			}
		});
		pairs.sort(Comparator.comparingDouble(SimilarPair::score)
			.reversed()
			.thenComparing(SimilarPair::a)
			.thenComparing(SimilarPair::b));
		return new Result(List.copyOf(pairs),
				new Stats(duties.size(), docs.size(), comparisons, corpus.cappedTerms));
	}

	/**
	 * The word-and-bigram similarity of any two of {@code texts} (by index), as {@link #findSimilar}
	 * scores them, for callers that pick the pairs themselves.
	 */
	public static LexicalScorer lexicalScorer(List<String> texts) {
		List<Doc> docs = texts.stream().map(t -> analyse(t, List.of())).toList();
		Corpus corpus = Corpus.of(docs);
		return (a, b) -> Math.min(1.0, corpus.dot(a, b));
	}

	/** Scores two texts by their indexes. */
	@FunctionalInterface
	public interface LexicalScorer {

		double score(int a, int b);

	}

	/** More pairs reach the threshold than the caller is willing to hold. */
	public static final class TooManyPairsException extends RuntimeException implements ErrorCoded {

		TooManyPairsException(long maxPairs, double minScore) {
			super("more than %,d pairs of duties score %s or more; raise minScore to list fewer".formatted(maxPairs,
					minScore));
		}


		@Override
		public String code() {
			return "TOO_MANY_OVERLAPS";
		}

	}

	/** At most this many duties may share a term for it to be indexed: max(50, 1% of n). */
	static int postingCap(int n) {
		return Math.max(50, n / 100);
	}

	/** One distinct text: its words (term → surface form) and bigrams, and the keys that carry it. */
	private record Doc(String text, List<String> keys, Map<String, String> words, Set<String> bigrams) {
	}

	private static Doc analyse(String text, List<String> keys) {
		String s = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
		Map<String, String> words = new LinkedHashMap<>();
		Set<String> bigrams = new LinkedHashSet<>();
		for (String clause : CLAUSE_BREAK.split(s)) {
			List<Token> tokens = mergeUnknownWords(contentTokens(clause));
			StringBuilder han = new StringBuilder();
			for (Token token : tokens) {
				words.putIfAbsent(token.term, clause.substring(token.start, token.end));
				token.term.codePoints().filter(DutySimilarity::isHan).forEach(han::appendCodePoint);
			}
			int[] cps = han.codePoints().toArray();
			if (cps.length == 1) {
				bigrams.add(new String(cps, 0, 1));
			}
			for (int i = 0; i + 1 < cps.length; i++) {
				bigrams.add(new String(cps, i, 2));
			}
		}
		return new Doc(text, keys, words, bigrams);
	}

	/** A content word; {@code fromSingles} when it is single Chinese characters joined together. */
	private record Token(String term, int start, int end, boolean fromSingles) {
	}

	/** SmartCN's words of one clause, less punctuation and stopwords. */
	private static List<Token> contentTokens(String clause) {
		List<Token> tokens = new ArrayList<>();
		try (TokenStream stream = ANALYZER.tokenStream("duty", clause)) {
			CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
			OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
			stream.reset();
			while (stream.incrementToken()) {
				String t = term.toString();
				if (!STOPWORDS.contains(t) && t.codePoints().anyMatch(Character::isLetterOrDigit)) {
					tokens.add(new Token(t, offset.startOffset(), offset.endOffset(), isSingleHan(t)));
				}
			}
			stream.end();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return tokens;
	}

	/**
	 * SmartCN cuts a word missing from its dictionary into single characters (线上 → 线 上, 履职 →
	 * 履 职): adjacent single Chinese characters are joined back into one word.
	 */
	private static List<Token> mergeUnknownWords(List<Token> tokens) {
		List<Token> merged = new ArrayList<>(tokens.size());
		for (Token token : tokens) {
			Token last = merged.isEmpty() ? null : merged.getLast();
			if (last != null && last.fromSingles && token.fromSingles && last.end == token.start) {
				merged.set(merged.size() - 1, new Token(last.term + token.term, last.start, token.end, true));
			}
			else {
				merged.add(token);
			}
		}
		return merged;
	}

	private static boolean isSingleHan(String term) {
		return term.codePointCount(0, term.length()) == 1 && isHan(term.codePointAt(0));
	}

	private static boolean isHan(int cp) {
		return Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
	}

	private record Evidence(List<String> matched, List<String> onlyInA, List<String> onlyInB) {
	}

	@FunctionalInterface
	private interface PairSink {

		void accept(int x, int y, double score);

	}

	/** The weighted term vectors of all distinct texts and the prefix-filtered join over them. */
	private static final class Corpus {

		private final Map<String, Integer> termIds = new HashMap<>();

		private final BitSet isWord = new BitSet();

		/** Term id (as in termIds) → its position in the global order; df, idf and isWord go by position. */
		private int[] rank = new int[0];

		private int[] df = new int[0];

		private double[] idf = new double[0];

		/** Per doc: its terms' positions in the global order, ascending, and their weights (a unit vector). */
		private int[][] terms = new int[0][];

		private double[][] weights = new double[0][];

		private int cappedTerms;

		static Corpus of(List<Doc> docs) {
			Corpus corpus = new Corpus();
			corpus.build(docs);
			return corpus;
		}

		private void build(List<Doc> docs) {
			int n = docs.size();
			List<int[]> wordIds = new ArrayList<>(n);
			List<int[]> bigramIds = new ArrayList<>(n);
			BitSet words = new BitSet();
			int[] counts = new int[1024];
			for (Doc doc : docs) {
				int[] w = doc.words.keySet().stream().mapToInt(t -> id("w:" + t)).toArray();
				int[] b = doc.bigrams.stream().mapToInt(t -> id("b:" + t)).toArray();
				if (this.termIds.size() > counts.length) {
					counts = Arrays.copyOf(counts, Math.max(this.termIds.size(), counts.length * 2));
				}
				for (int t : w) {
					counts[t]++;
					words.set(t);
				}
				for (int t : b) {
					counts[t]++;
				}
				wordIds.add(w);
				bigramIds.add(b);
			}
			// renumber terms into the global order (rarest first) so that sorted ids are that order
			int terms = this.termIds.size();
			long[] byDf = new long[terms];
			for (int t = 0; t < terms; t++) {
				byDf[t] = (long) counts[t] << 32 | t;
			}
			Arrays.sort(byDf);
			this.rank = new int[terms];
			this.df = new int[terms];
			this.idf = new double[terms];
			int cap = postingCap(n);
			for (int r = 0; r < terms; r++) {
				int t = (int) byDf[r];
				this.rank[t] = r;
				this.df[r] = counts[t];
				this.idf[r] = Math.log1p((double) n / counts[t]);
				if (words.get(t)) {
					this.isWord.set(r);
				}
				if (counts[t] > cap) {
					this.cappedTerms++;
				}
			}
			this.terms = new int[n][];
			this.weights = new double[n][];
			for (int d = 0; d < n; d++) {
				int[] w = ranked(wordIds.get(d));
				int[] b = ranked(bigramIds.get(d));
				double wordScale = Math.sqrt(b.length == 0 ? 1 : w.length == 0 ? 0 : WORD_SHARE) / norm(w);
				double bigramScale = Math.sqrt(w.length == 0 ? 1 : b.length == 0 ? 0 : 1 - WORD_SHARE) / norm(b);
				int[] ids = new int[w.length + b.length];
				System.arraycopy(w, 0, ids, 0, w.length);
				System.arraycopy(b, 0, ids, w.length, b.length);
				Arrays.sort(ids);
				double[] ws = new double[ids.length];
				for (int i = 0; i < ids.length; i++) {
					ws[i] = this.idf[ids[i]] * (this.isWord.get(ids[i]) ? wordScale : bigramScale);
				}
				this.terms[d] = ids;
				this.weights[d] = ws;
			}
		}

		private int[] ranked(int[] ids) {
			int[] ranked = new int[ids.length];
			for (int i = 0; i < ids.length; i++) {
				ranked[i] = this.rank[ids[i]];
			}
			return ranked;
		}

		private int id(String term) {
			return this.termIds.computeIfAbsent(term, t -> this.termIds.size());
		}

		private double norm(int[] ids) {
			double sum = 0;
			for (int t : ids) {
				sum += this.idf[t] * this.idf[t];
			}
			return sum == 0 ? 1 : Math.sqrt(sum);
		}

		/**
		 * Prefix-filtered self-join (Bayardo, Ma and Srikant's All-Pairs for cosine): hands every
		 * pair scoring at least {@code threshold} to {@code sink} and returns how many pairs it
		 * scored.
		 */
		long join(double threshold, PairSink sink) {
			int n = this.terms.length;
			int cap = postingCap(n);
			int[][] postings = new int[this.df.length][];
			int[] postingSizes = new int[this.df.length];
			int[] seenBy = new int[n];
			Arrays.fill(seenBy, -1);
			int[] candidates = new int[n];
			long comparisons = 0;
			double bound = threshold - 1e-9;
			for (int x = 0; x < n; x++) {
				int prefix = prefixLength(x, bound);
				int found = 0;
				for (int i = 0; i < prefix; i++) {
					int t = this.terms[x][i];
					if (this.df[t] > cap) {
						break;
					}
					int[] posting = postings[t];
					int size = postingSizes[t];
					for (int k = 0; k < size; k++) {
						int y = posting[k];
						if (seenBy[y] != x) {
							seenBy[y] = x;
							candidates[found++] = y;
						}
					}
				}
				for (int k = 0; k < found; k++) {
					int y = candidates[k];
					comparisons++;
					double score = dot(x, y);
					if (score >= bound) {
						sink.accept(y, x, Math.min(1.0, score));
					}
				}
				for (int i = 0; i < prefix; i++) {
					int t = this.terms[x][i];
					if (this.df[t] > cap) {
						break;
					}
					if (postings[t] == null) {
						postings[t] = new int[this.df[t]];
					}
					postings[t][postingSizes[t]++] = x;
				}
			}
			return comparisons;
		}

		/** The shortest prefix of x's terms whose remaining suffix has norm below the bound. */
		private int prefixLength(int x, double bound) {
			double[] ws = this.weights[x];
			double suffix = 0;
			int k = ws.length;
			while (k > 0 && suffix + ws[k - 1] * ws[k - 1] < bound * bound) {
				suffix += ws[k - 1] * ws[k - 1];
				k--;
			}
			return k;
		}

		private double dot(int x, int y) {
			int[] a = this.terms[x];
			int[] b = this.terms[y];
			double[] wa = this.weights[x];
			double[] wb = this.weights[y];
			double sum = 0;
			int i = 0;
			int j = 0;
			while (i < a.length && j < b.length) {
				if (a[i] == b[j]) {
					sum += wa[i++] * wb[j++];
				}
				else if (a[i] < b[j]) {
					i++;
				}
				else {
					j++;
				}
			}
			return sum;
		}

		Evidence evidence(Doc a, Doc b) {
			Set<String> shared = new LinkedHashSet<>();
			for (String term : a.words.keySet()) {
				if (b.words.containsKey(term) || appearsIn(a.words.get(term), b)) {
					shared.add(term);
				}
			}
			Set<String> sharedInB = new LinkedHashSet<>();
			for (String term : b.words.keySet()) {
				if (a.words.containsKey(term) || appearsIn(b.words.get(term), a)) {
					sharedInB.add(term);
				}
			}
			return new Evidence(heaviestWords(a, shared, Set.of()), heaviestWords(a, a.words.keySet(), shared),
					heaviestWords(b, b.words.keySet(), sharedInB));
		}

		/** A Chinese word the other text contains verbatim, though segmented differently there. */
		private static boolean appearsIn(String surface, Doc other) {
			return surface.codePoints().count() >= 2 && surface.codePoints().allMatch(DutySimilarity::isHan)
					&& Normalizer.normalize(other.text, Normalizer.Form.NFKC).contains(surface);
		}

		/** Up to EVIDENCE_TERMS of {@code terms} but {@code except}, heaviest first, as written in {@code doc}. */
		List<String> heaviestWords(Doc doc, Set<String> terms, Set<String> except) {
			return terms.stream()
				.filter(t -> !except.contains(t))
				.sorted(Comparator.comparingDouble((String t) -> -weightOf("w:" + t)))
				.limit(EVIDENCE_TERMS)
				.map(doc.words::get)
				.toList();
		}

		private double weightOf(String term) {
			Integer t = this.termIds.get(term);
			return t == null ? 0 : this.idf[this.rank[t]];
		}

	}

}
