package org.orgraph.duties;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.jspecify.annotations.Nullable;
import org.orgraph.graph.Revision;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Similar duties by meaning and components ({@link OverlapScorer}). Each revision's distinct duty
 * texts, and their clauses, are embedded once in the background (one worker thread: the model is
 * held to one core; revisions take turns, {@value #TURN} texts at a time); until that is done the
 * revision's analysis is pending, with progress. Then
 * candidate pairs come from the nearest neighbours of every text and clause (exact for small
 * organisations, an HNSW graph for large ones: never all pairs of a large organisation) and from
 * rare objects the texts share, and each candidate is scored.
 */
@Component
class SemanticSimilarDuties implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(SemanticSimilarDuties.class);

	/** Up to this many vectors, every pair is compared; above, an HNSW graph finds the neighbours. */
	static final int EXACT_UP_TO = 2_000;

	/** Neighbours looked at per text or clause in the HNSW graph. */
	private static final int NEIGHBOURS = 24;

	/** Texts a revision embeds before the worker turns to the next revision waiting (about a second). */
	static final int TURN = 256;

	/** Below this cosine, two texts or clauses are not candidates on meaning alone. */
	private static final double CANDIDATE_COSINE = 0.62;

	/** A word shared by more texts than this says little about which duty it is: no candidates from it. */
	private static int postingCap(int texts) {
		return Math.max(40, texts / 200);
	}

	private final DutyEmbeddings embeddings;

	private final long maxPairs;

	private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
		Thread t = new Thread(r, "orgraph-duty-meaning");
		t.setDaemon(true);
		return t;
	});

	/** Per revision: the background embedding, done or under way. */
	private final Cache<Revision, Job> jobs = Caffeine.newBuilder().maximumSize(256).build();

	/** Parts of a text do not depend on the revision: worked out once. */
	private final Cache<String, DutyComponents.Parts> parts = Caffeine.newBuilder().maximumSize(10_000).build();

	private final org.orgraph.duties.RevisionSnapshots snapshots;

	SemanticSimilarDuties(DutyEmbeddings embeddings, org.orgraph.duties.RevisionSnapshots snapshots,
			@Value("${orgraph.max-similar-pairs}") long maxPairs) {
		this.embeddings = embeddings;
		this.snapshots = snapshots;
		this.maxPairs = maxPairs;
	}

	/** How far the background analysis of a revision has come. */
	record Progress(int texts, int embedded, boolean complete, @Nullable String failure) {
	}

	private static final class Job {

		final AtomicInteger done = new AtomicInteger();

		/** Texts and clauses to embed; 0 until the worker has read the revision's duties. */
		volatile int total;

		final CompletableFuture<Void> finished = new CompletableFuture<>();

		Progress progress() {
			String failure = null;
			if (this.finished.isCompletedExceptionally()) {
				try {
					this.finished.join();
				}
				catch (RuntimeException ex) {
					failure = ex.getCause() == null ? ex.getMessage() : ex.getCause().getMessage();
				}
			}
			return new Progress(this.total, this.done.get(), this.finished.isDone() && failure == null, failure);
		}

	}

	/** Starts the revision's analysis in the background, unless it is done or under way. */
	Progress start(Revision rev) {
		return job(rev).progress();
	}

	/** Starts the analysis if needed and waits up to {@code wait} for it to finish. */
	Progress await(Revision rev, Duration wait) {
		Job job = job(rev);
		try {
			job.finished.get(wait.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException | ExecutionException ex) {
			// the progress says which
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		Progress progress = job.progress();
		if (progress.failure() != null) {
			this.jobs.invalidate(rev);
		}
		return progress;
	}

	private Job job(Revision revision) {
		// nothing but a new job in the cache's compute, and the queued work holds which revision,
		// not the revision: reading it and every duty's words (HanLP, tens of seconds at 10k posts)
		// happens on the worker, and revisions imported faster than they are analysed do not pile
		// up in memory while they wait
		return this.jobs.get(revision, rev -> {
			Job job = new Job();
			queue(rev, job, () -> {
				List<String> texts = textsToEmbed(this.snapshots.get(rev));
				job.total = texts.size();
				embedFrom(rev, job, texts, 0, System.nanoTime());
			});
			return job;
		});
	}

	/**
	 * Queues a step of a revision's analysis; whatever stops it (an error of any kind, the service
	 * shutting down) fails the job, so nobody waits on it for ever.
	 */
	private void queue(Revision rev, Job job, Runnable step) {
		try {
			this.worker.execute(() -> {
				try {
					step.run();
				}
				catch (Throwable ex) {
					failed(rev, job, ex);
					if (ex instanceof Error error) {
						throw error;
					}
				}
			});
		}
		catch (RejectedExecutionException ex) {
			failed(rev, job, ex);
		}
	}

	/**
	 * Embeds one chunk of a revision's texts, then queues the next behind whatever else waits: one
	 * worker serves every organisation, and a large organisation's analysis takes turns with a
	 * small one imported after it instead of holding it up for minutes.
	 */
	private void embedFrom(Revision rev, Job job, List<String> texts, int from, long started) {
		int to = Math.min(texts.size(), from + TURN);
		this.embeddings.embedMissing(texts.subList(from, to), done -> job.done.set(from + done));
		if (to < texts.size()) {
			queue(rev, job, () -> embedFrom(rev, job, texts, to, started));
			return;
		}
		job.finished.complete(null);
		log.info("Duty meanings of revision {}: {} texts and clauses ready in {} ms", rev, job.total,
				Duration.ofNanos(System.nanoTime() - started).toMillis());
	}

	private static void failed(Revision rev, Job job, Throwable ex) {
		log.warn("Duty meanings of revision {} failed: {}", rev, ex.getMessage());
		job.finished.completeExceptionally(ex);
	}

	private List<String> textsToEmbed(RevisionSnapshot s) {
		Set<String> texts = new LinkedHashSet<>();
		for (DutyComponents.Parts p : distinctParts(s).values()) {
			texts.add(p.text());
			texts.addAll(p.clauses());
		}
		return List.copyOf(texts);
	}

	/** Each distinct meaning text of the revision's duties (those with any words), with its parts. */
	private Map<String, DutyComponents.Parts> distinctParts(RevisionSnapshot s) {
		Map<String, DutyComponents.Parts> byText = new LinkedHashMap<>();
		for (RevisionSnapshot.Duty d : s.duties().values()) {
			if (d.norm().isEmpty()) {
				continue;
			}
			DutyComponents.Parts p = this.parts.get(d.text(), DutyComponents::of);
			byText.putIfAbsent(p.text(), p);
		}
		return byText;
	}

	/** A scored pair of distinct texts, before it is spread over the duties that hold them. */
	record TextPair(String a, String b, OverlapScorer.Features features, OverlapScorer.Scored scored) {
	}

	/**
	 * Pairs of distinct texts whose score could reach {@code floor} for some relation of their
	 * holders, scored as if held in different branches; the caller rescores each pair of duties
	 * with its holders' relation.
	 * The analysis must be complete ({@link #await}).
	 */
	List<TextPair> textPairs(RevisionSnapshot s, double floor) {
		Map<String, DutyComponents.Parts> byText = distinctParts(s);
		List<String> texts = List.copyOf(byText.keySet());
		OverlapScorer.Rarity rarity = new OverlapScorer.Rarity();
		byText.values().forEach(rarity::add);
		Map<String, OverlapScorer.Profile> profiles = new HashMap<>();
		List<String> all = new ArrayList<>();
		for (DutyComponents.Parts p : byText.values()) {
			all.add(p.text());
			all.addAll(p.clauses());
		}
		// from memory, or read back from the graph (or embedded) when the memory is smaller than
		// the organisation: held here, not in the memory, while the pairs are scored
		Map<String, float[]> vectors = this.embeddings.embedMissing(all, done -> {
		});
		for (DutyComponents.Parts p : byText.values()) {
			profiles.put(p.text(), new OverlapScorer.Profile(p, vectors.get(p.text()),
					p.clauses().stream().map(vectors::get).toList()));
		}
		Set<Long> candidates = candidates(texts, byText, profiles);
		DutySimilarity.LexicalScorer lexical = DutySimilarity.lexicalScorer(texts);
		List<TextPair> pairs = new ArrayList<>();
		for (long c : candidates) {
			int x = (int) (c >>> 32);
			int y = (int) c;
			String a = texts.get(x);
			String b = texts.get(y);
			OverlapScorer.Scored scored = OverlapScorer.score(profiles.get(a), profiles.get(b), rarity,
					lexical.score(x, y), HolderRelation.CROSS_BRANCH);
			double best = 0;
			for (HolderRelation relation : HolderRelation.values()) {
				best = Math.max(best, OverlapScorer.likelihood(scored.features().values(relation)));
			}
			if (best >= floor) {
				pairs.add(new TextPair(a, b, scored.features(), scored));
				// a bound on memory: the answer's own cap is on pairs of duties, counted by the caller
				if (pairs.size() > 4 * this.maxPairs + 1000) {
					throw new DutySimilarity.TooManyPairsException(this.maxPairs, floor);
				}
			}
		}
		return pairs;
	}

	/** Candidate pairs as (index of a) << 32 | (index of b), a < b. */
	static Set<Long> candidates(List<String> texts, Map<String, DutyComponents.Parts> byText,
			Map<String, OverlapScorer.Profile> profiles) {
		Set<Long> pairs = new HashSet<>();
		// meaning: every text and clause with its nearest neighbours
		List<float[]> vectors = new ArrayList<>();
		List<Integer> owner = new ArrayList<>();
		for (int i = 0; i < texts.size(); i++) {
			OverlapScorer.Profile p = profiles.get(texts.get(i));
			vectors.add(p.vector());
			owner.add(i);
			for (float[] c : p.clauseVectors()) {
				vectors.add(c);
				owner.add(i);
			}
		}
		// each model's vectors apart: the Chinese and English models' vectors differ in length and
		// in meaning, so a Chinese and an English text are never neighbours by meaning
		Map<Integer, List<Integer>> byModel = new HashMap<>();
		for (int i = 0; i < vectors.size(); i++) {
			if (vectors.get(i) != null) {
				byModel.computeIfAbsent(vectors.get(i).length, k -> new ArrayList<>()).add(i);
			}
		}
		for (List<Integer> model : byModel.values()) {
			List<float[]> modelVectors = model.stream().map(vectors::get).toList();
			List<Integer> modelOwners = model.stream().map(owner::get).toList();
			if (model.size() <= EXACT_UP_TO) {
				for (int x = 0; x < modelVectors.size(); x++) {
					for (int y = x + 1; y < modelVectors.size(); y++) {
						int a = modelOwners.get(x);
						int b = modelOwners.get(y);
						if (a != b && OverlapScorer.dot(modelVectors.get(x), modelVectors.get(y)) >= CANDIDATE_COSINE) {
							pairs.add(pair(a, b));
						}
					}
				}
			}
			else {
				nearestNeighbours(modelVectors, modelOwners, pairs);
			}
		}
		// components: texts sharing a word few texts have
		Map<String, List<Integer>> postings = new HashMap<>();
		for (int i = 0; i < texts.size(); i++) {
			for (String key : new LinkedHashSet<>(byText.get(texts.get(i)).objects().stream()
				.map(DutyComponents.Word::key)
				.toList())) {
				postings.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
			}
		}
		int cap = postingCap(texts.size());
		for (List<Integer> posting : postings.values()) {
			if (posting.size() < 2 || posting.size() > cap) {
				continue;
			}
			for (int x = 0; x < posting.size(); x++) {
				for (int y = x + 1; y < posting.size(); y++) {
					pairs.add(pair(posting.get(x), posting.get(y)));
				}
			}
		}
		return pairs;
	}

	private static long pair(int a, int b) {
		int lo = Math.min(a, b);
		int hi = Math.max(a, b);
		return ((long) lo << 32) | hi;
	}

	/** Approximate nearest neighbours through Lucene's HNSW graph, in memory. */
	private static void nearestNeighbours(List<float[]> vectors, List<Integer> owner, Set<Long> pairs) {
		try (ByteBuffersDirectory directory = new ByteBuffersDirectory()) {
			try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig().setRAMBufferSizeMB(256))) {
				for (int i = 0; i < vectors.size(); i++) {
					Document doc = new Document();
					doc.add(new KnnFloatVectorField("v", vectors.get(i), VectorSimilarityFunction.DOT_PRODUCT));
					doc.add(new StoredField("i", i));
					writer.addDocument(doc);
				}
				writer.forceMerge(1);
			}
			try (DirectoryReader reader = DirectoryReader.open(directory)) {
				IndexSearcher searcher = new IndexSearcher(reader);
				int[] index = new int[reader.maxDoc()];
				for (int d = 0; d < reader.maxDoc(); d++) {
					index[d] = reader.storedFields().document(d).getField("i").numericValue().intValue();
				}
				for (int i = 0; i < vectors.size(); i++) {
					for (ScoreDoc hit : searcher.search(new KnnFloatVectorQuery("v", vectors.get(i), NEIGHBOURS),
							NEIGHBOURS).scoreDocs) {
						int j = index[hit.doc];
						// Lucene's DOT_PRODUCT score is (1 + cosine) / 2
						double cosine = 2 * hit.score - 1;
						if (owner.get(i).intValue() != owner.get(j).intValue() && cosine >= CANDIDATE_COSINE) {
							pairs.add(pair(owner.get(i), owner.get(j)));
						}
					}
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void destroy() {
		this.worker.shutdownNow();
		IllegalStateException stopped = new IllegalStateException("the service is shutting down");
		this.jobs.asMap().values().forEach(job -> job.finished.completeExceptionally(stopped));
	}

}
