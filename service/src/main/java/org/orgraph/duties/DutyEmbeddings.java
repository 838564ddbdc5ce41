package org.orgraph.duties;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntConsumer;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Sentence embeddings of duty texts, worked out in the service's own process: bge-small-zh-v1.5
 * for texts with Chinese characters, bge-small-en-v1.5 for the rest, both quantised ONNX models
 * that ship inside their jars and run on ONNX Runtime held to one thread (on two cores more
 * threads were slower). Vectors are unit length, so a dot product is the cosine, and are kept by
 * model and text: a text is embedded once, whichever revision or organisation holds it, so a
 * re-import embeds only the texts it adds.
 *
 * <p>
 * The models load in the background at start-up (3–4 s). When they cannot be loaded (an
 * unsupported platform, {@code orgraph.embeddings.enabled=false}) the service still starts, says
 * so in health and the log, and similar overlaps answer from words alone, marked degraded.
 */
@Component
class DutyEmbeddings implements HealthIndicator {

	private static final Logger log = LoggerFactory.getLogger(DutyEmbeddings.class);

	/** Texts sent to the model at once: enough to amortise a call, few enough to report progress often. */
	private static final int BATCH = 32;

	public enum State {

		LOADING, READY, UNAVAILABLE

	}

	private volatile State state = State.LOADING;

	private volatile @Nullable String problem;

	private volatile @Nullable Model chinese;

	private volatile @Nullable Model english;

	private final CountDownLatch loaded = new CountDownLatch(1);

	private final Cache<String, float[]> vectors;

	private long embedded;

	private long embedNanos;

	private final @Nullable DutyMeanings stored;

	private long fromStore;

	/** Embeddings held in memory only (tests that need no graph). */
	DutyEmbeddings(boolean enabled, long cacheEntries) {
		this(enabled, cacheEntries, null);
	}

	@Autowired
	DutyEmbeddings(@Value("${orgraph.embeddings.enabled:true}") boolean enabled,
			@Value("${orgraph.embeddings.cache-entries:10000}") long cacheEntries, @Nullable DutyMeanings stored) {
		this.stored = stored;
		this.vectors = Caffeine.newBuilder().maximumSize(cacheEntries).build();
		if (!enabled) {
			unavailable("turned off (orgraph.embeddings.enabled=false)");
			return;
		}
		Thread loader = new Thread(this::load, "orgraph-embeddings-load");
		loader.setDaemon(true);
		loader.start();
	}

	/**
	 * The models, loaded once per JVM: they are read-only and held off-heap (about 220 MB), so
	 * every application context in the process (tests start several) shares one pair.
	 */
	private static Model @Nullable [] shared;

	private static synchronized Model[] models() throws IOException, OrtException {
		if (shared == null) {
			OrtEnvironment environment = OrtEnvironment.getEnvironment();
			shared = new Model[] {
					Model.load(environment, "bge-small-zh-v1.5", "bge-small-zh-v1.5-q.onnx",
							"bge-small-zh-v1.5-q-tokenizer.json"),
					Model.load(environment, "bge-small-en-v1.5", "bge-small-en-v1.5-q.onnx",
							"bge-small-en-v1.5-q-tokenizer.json") };
		}
		return shared;
	}

	/** One model call at a time in the JVM: the models are shared, and ONNX Runtime is held to one thread. */
	private static final ReentrantLock MODEL_IN_USE = new ReentrantLock();

	private void load() {
		long start = System.nanoTime();
		try {
			Model[] models = models();
			this.chinese = models[0];
			this.english = models[1];
			this.state = State.READY;
			log.info("Duty embedding models loaded in {} ms (bge-small-zh-v1.5, bge-small-en-v1.5)",
					Duration.ofNanos(System.nanoTime() - start).toMillis());
		}
		catch (Throwable ex) {
			unavailable(ex.getClass().getSimpleName() + ": " + ex.getMessage());
		}
		finally {
			this.loaded.countDown();
		}
	}

	private void unavailable(String why) {
		this.problem = why;
		this.state = State.UNAVAILABLE;
		this.loaded.countDown();
		log.warn("Duty embedding models unavailable ({}); similar duty overlaps answer from words alone, marked degraded",
				why);
	}

	public State state() {
		return this.state;
	}

	/** Waits for the models to finish loading (or fail); true when they are ready. */
	public boolean awaitLoaded(Duration timeout) {
		try {
			this.loaded.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return this.state == State.READY;
	}

	/** The model a text goes to: Chinese when it has a Han character. */
	static String modelFor(String text) {
		return text.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)
				? "zh" : "en";
	}

	private static String key(String text) {
		return modelFor(text) + '\u0000' + text;
	}

	/** The vector of a text already embedded, else null. */
	public float @Nullable [] vector(String text) {
		return this.vectors.getIfPresent(key(text));
	}

	/** How many of these texts still need embedding. */
	public int missing(List<String> texts) {
		int n = 0;
		for (String t : texts) {
			if (this.vectors.getIfPresent(key(t)) == null) {
				n++;
			}
		}
		return n;
	}

	/**
	 * Embeds the texts not embedded yet, a batch at a time, telling {@code progress} how many of
	 * {@code texts} are done after each batch, and answers every one's vector. Vectors come from
	 * memory, else from the graph, else from the model; the answer holds them all even when the
	 * memory is smaller than the texts asked for. Throws {@link IllegalStateException} when the
	 * models are not available.
	 */
	public Map<String, float[]> embedMissing(List<String> texts, IntConsumer progress) {
		Map<String, float[]> found = new HashMap<>();
		List<String> todo = new ArrayList<>();
		for (String t : texts) {
			float[] v = this.vectors.getIfPresent(key(t));
			if (v == null) {
				todo.add(t);
			}
			else {
				found.put(t, v);
			}
		}
		int done = texts.size() - todo.size();
		progress.accept(done);
		if (todo.isEmpty()) {
			return found;
		}
		int before = todo.size();
		todo = fromStore(todo, found);
		done += before - todo.size();
		progress.accept(done);
		if (todo.isEmpty()) {
			return found;
		}
		if (!awaitLoaded(Duration.ofMinutes(2))) {
			throw new IllegalStateException("the duty embedding models are not available: " + this.problem);
		}
		Map<String, float[]> fresh = new HashMap<>();
		for (int from = 0; from < todo.size(); from += BATCH) {
			List<String> batch = todo.subList(from, Math.min(todo.size(), from + BATCH));
			fresh.putAll(embedBatch(batch));
			done += batch.size();
			progress.accept(done);
		}
		found.putAll(fresh);
		keep(fresh);
		return found;
	}

	/** How long the graph is left alone after it failed to read or keep vectors. */
	private static final Duration STORE_BACK_OFF = Duration.ofMinutes(5);

	private volatile long storeFailedAt = Long.MIN_VALUE;

	private boolean storeUsable() {
		return this.stored != null && (this.storeFailedAt == Long.MIN_VALUE
				|| System.nanoTime() - this.storeFailedAt > STORE_BACK_OFF.toNanos());
	}

	/** Takes what the graph holds of these texts into {@code found} and memory; answers the texts still to embed. */
	private List<String> fromStore(List<String> todo, Map<String, float[]> found) {
		if (!storeUsable()) {
			return todo;
		}
		Map<String, String> byKey = new HashMap<>();
		todo.forEach(t -> byKey.put(DutyMeanings.key(modelName(t), t), t));
		Map<String, float[]> stored;
		try {
			stored = Objects.requireNonNull(this.stored).load(List.copyOf(byKey.keySet()));
		}
		catch (RuntimeException ex) {
			// the graph is unreachable or slow: embed them, as without a store, and leave it alone a while
			this.storeFailedAt = System.nanoTime();
			log.warn("Stored duty vectors could not be read ({}); embedding {} texts instead, and not asking the graph "
					+ "for {} minutes", ex.getClass().getSimpleName(), todo.size(), STORE_BACK_OFF.toMinutes());
			return todo;
		}
		stored.forEach((k, vector) -> {
			String text = byKey.get(k);
			found.put(text, vector);
			this.vectors.put(key(text), vector);
		});
		synchronized (this) {
			this.fromStore += stored.size();
		}
		return todo.stream().filter(t -> !found.containsKey(t)).toList();
	}

	/** Keeps vectors just embedded in the graph; a failure costs only a later re-embedding. */
	private void keep(Map<String, float[]> fresh) {
		if (!storeUsable() || fresh.isEmpty()) {
			return;
		}
		Map<String, float[]> byKey = new HashMap<>();
		fresh.forEach((t, v) -> byKey.put(DutyMeanings.key(modelName(t), t), v));
		try {
			Objects.requireNonNull(this.stored).save(byKey);
		}
		catch (RuntimeException ex) {
			this.storeFailedAt = System.nanoTime();
			log.warn("Duty vectors could not be stored ({}); they stay in memory only, and the graph is not asked "
					+ "for {} minutes", ex.getClass().getSimpleName(), STORE_BACK_OFF.toMinutes());
		}
	}

	/** The model a text's vector comes from, as stored keys name it (a new model never reads an old one's vectors). */
	static String modelName(String text) {
		return "zh".equals(modelFor(text)) ? "bge-small-zh-v1.5-q" : "bge-small-en-v1.5-q";
	}

	private Map<String, float[]> embedBatch(List<String> batch) {
		List<String> zh = new ArrayList<>();
		List<String> en = new ArrayList<>();
		batch.forEach(t -> ("zh".equals(modelFor(t)) ? zh : en).add(t));
		Map<String, float[]> embedded = new HashMap<>();
		MODEL_IN_USE.lock();
		try {
			long start = System.nanoTime();
			put(zh, Objects.requireNonNull(this.chinese), embedded);
			put(en, Objects.requireNonNull(this.english), embedded);
			this.embedNanos += System.nanoTime() - start;
			this.embedded += batch.size();
		}
		finally {
			MODEL_IN_USE.unlock();
		}
		return embedded;
	}

	private void put(List<String> texts, Model model, Map<String, float[]> embedded) {
		if (texts.isEmpty()) {
			return;
		}
		List<Embedding> found = model.embed(texts);
		for (int i = 0; i < texts.size(); i++) {
			float[] vector = found.get(i).vector();
			this.vectors.put(key(texts.get(i)), vector);
			embedded.put(texts.get(i), vector);
		}
	}

	@Override
	public Health health() {
		Health.Builder health = switch (this.state) {
			case READY -> Health.up();
			case LOADING -> Health.up().withDetail("loading", true);
			case UNAVAILABLE -> Health.up().withDetail("degraded", "similar duty overlaps answer from words alone");
		};
		health.withDetail("state", this.state.name());
		if (this.problem != null) {
			health.withDetail("problem", this.problem);
		}
		long n = this.embedded;
		health.withDetail("textsEmbedded", n)
			.withDetail("textsFromStore", this.fromStore)
			.withDetail("textsHeld", this.vectors.estimatedSize());
		if (n > 0) {
			health.withDetail("textsPerSecond", Math.round(n / (this.embedNanos / 1e9)));
		}
		return health.build();
	}

	/** One ONNX model with its tokenizer, on a session held to one thread. */
	private static final class Model extends AbstractInProcessEmbeddingModel {

		private final OnnxBertBiEncoder encoder;

		private Model(OnnxBertBiEncoder encoder) {
			super(Runnable::run);
			this.encoder = encoder;
		}

		static Model load(OrtEnvironment environment, String name, String modelResource, String tokenizerResource)
				throws IOException, OrtException {
			ClassLoader loader = DutyEmbeddings.class.getClassLoader();
			try (InputStream model = loader.getResourceAsStream(modelResource);
					InputStream tokenizer = loader.getResourceAsStream(tokenizerResource)) {
				if (model == null || tokenizer == null) {
					throw new IOException(name + " is not on the class path (" + modelResource + ")");
				}
				OrtSession.SessionOptions options = new OrtSession.SessionOptions();
				options.setIntraOpNumThreads(1);
				options.setInterOpNumThreads(1);
				OrtSession session = environment.createSession(model.readAllBytes(), options);
				return new Model(new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.CLS));
			}
		}

		List<Embedding> embed(List<String> texts) {
			return embedAll(texts.stream().map(TextSegment::from).toList()).content();
		}

		@Override
		protected OnnxBertBiEncoder model() {
			return this.encoder;
		}

		@Override
		protected Integer knownDimension() {
			return 512;
		}

	}

}
