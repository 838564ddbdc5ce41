package org.orgraph.importing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.IntPredicate;

import org.jspecify.annotations.Nullable;
import org.orgraph.graph.OrgraphProperties;
import org.orgraph.graph.Graph;
import org.orgraph.importing.RevisionPlan.DutyRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a planned revision in batches, then makes it current in one small transaction.
 * Until that flip nothing reads the new revision (every read names a complete revision), so
 * a failure part-way is invisible; the half-written nodes are deleted straight away, or at
 * the next start-up if the process died.
 */
@Component
class RevisionWriter {

	private static final Logger log = LoggerFactory.getLogger(RevisionWriter.class);

	static final int BATCH = 5_000;

	private final Graph graph;

	private final JsonMapper json;

	private final int writers;

	private final RevisionLeases leases;

	RevisionWriter(Graph graph, JsonMapper json, OrgraphProperties properties, RevisionLeases leases) {
		this.graph = graph;
		this.json = json;
		this.writers = properties.writers();
		this.leases = leases;
	}

	/** The revision opened for an import: its id ({@code org/N}) and number. */
	record OpenRevision(String id, int number) {
	}

	interface Progress {

		void written(String phase, int rows);

		/** A write phase ended after {@code nanos} (wall time), having written {@code rows} rows. */
		default void timed(String phase, long nanos, int rows) {
		}

	}

	OpenRevision open(RevisionPlan plan, String format, @Nullable String source, String jobId) {
		Map<String, Object> params = new HashMap<>();
		params.put("org", plan.key());
		params.put("name", plan.name());
		params.put("format", format);
		params.put("source", source);
		params.put("metadata", this.json.writeValueAsString(plan.metadata()));
		params.put("jobId", jobId);
		params.put("owner", this.leases.owner());
		OpenRevision opened = this.graph
			.write("importing/start-revision", params,
					r -> new OpenRevision(r.get("id").asString(), r.get("number").asInt()))
			.getFirst();
		this.leases.hold(opened.id());
		return opened;
	}

	/**
	 * Writes every node and relationship of the plan. The phases that create units, posts and
	 * people return each new node's element id, and the later phases link by those ids: a seek
	 * by id instead of a (rev, key) index lookup for each end of each relationship.
	 */
	void writeAll(RevisionPlan plan, OpenRevision revision, Progress progress) {
		String rev = revision.id();
		NodeIds units = new NodeIds("unit");
		NodeIds posts = new NodeIds("position");
		NodeIds people = new NodeIds("person");
		created("units", "importing/create-units", rev, plan.units(), u -> row("key", u.key(), "name", u.name(), "kind",
				u.kind(), "plannedHeadcount", u.plannedHeadcount()), units, progress);
		batches("units", "importing/link-units", rev, plan.units().stream().filter(u -> u.parent() != null).toList(),
				u -> row("id", units.of(u.key()), "parent", units.of(u.parent())), progress);
		// posts and people one batch after another: written side by side they showed no gain on two
		// cores, and each creation checks its (rev, key) constraint while the others insert into it
		// (one such import hung in CI); duties, without a constraint, are written side by side below
		created("positions", "importing/create-positions", rev, plan.positions(),
				p -> row("key", p.key(), "title", p.title(), "unit", units.of(p.unit()), "headcount", p.headcount(),
						"grade", p.grade(), "juniorFte", p.juniorFte()),
				posts, progress);
		created("people", "importing/create-people", rev, plan.people(), p -> row("key", p.key(), "name", p.name()),
				people, progress);
		batches("positions", "importing/link-concurrent", rev,
				plan.positions().stream().filter(p -> p.concurrentWith() != null).toList(),
				p -> row("id", posts.of(p.key()), "concurrentWith", posts.of(p.concurrentWith())), progress);
		batches("positions", "importing/link-heads", rev, plan.heads(),
				h -> row("position", posts.of(h.position()), "unit", units.of(h.unit())), progress);
		// duties straight after the posts they hang on, and let go of as they are written: they are
		// most of a large plan, and a smaller heap is cheaper to collect during the phases after
		duties(rev, plan.duties(), units, posts, progress);
		batches("reporting", "importing/link-reporting", rev, plan.reporting(),
				r -> row("from", posts.of(r.from()), "to", posts.of(r.to()), "derived", r.derived()), progress);
		batches("people", "importing/link-holdings", rev, plan.holdings(),
				h -> row("person", people.of(h.person()), "position", posts.of(h.position()), "fte", h.fte(), "acting",
						h.acting()),
				progress);
		long indexing = System.nanoTime();
		this.graph.write("importing/await-name-index", Map.of());
		progress.timed("await-name-index", System.nanoTime() - indexing, 0);
	}

	/** The element ids of the nodes of one label this import created, by key. */
	static final class NodeIds {

		private final String label;

		private final Map<String, String> ids = new HashMap<>();

		NodeIds(String label) {
			this.label = label;
		}

		void put(String key, String id) {
			this.ids.put(key, id);
		}

		/** The validator checked every reference, so a key without an id is a bug here, not bad input. */
		String of(String key) {
			String id = this.ids.get(key);
			if (id == null) {
				throw new IllegalStateException("no " + this.label + " \"" + key + "\" was written in this revision");
			}
			return id;
		}

	}

	/**
	 * Cuts duties (grouped by holder, as the validator lists them) into {@code [from, to)}
	 * ranges of about {@code size} rows, each of one holder kind, ending only where the holder
	 * changes: no holder's duties are in two batches.
	 */
	static List<int[]> holderBatches(List<DutyRow> duties, int size) {
		List<int[]> batches = new ArrayList<>();
		int from = 0;
		while (from < duties.size()) {
			String kind = duties.get(from).holderKind();
			int to = from + 1;
			while (to < duties.size() && duties.get(to).holderKind().equals(kind)
					&& (to - from < size || duties.get(to).holder().equals(duties.get(to - 1).holder()))) {
				to++;
			}
			batches.add(new int[] { from, to });
			from = to;
		}
		return batches;
	}

	/**
	 * Writes unit and post duties in batches of one holder kind each, never splitting one
	 * holder's duties, so that batches touch disjoint holders and can be written on
	 * {@code orgraph.import-writers} transactions side by side. A plan's duties are a mutable
	 * list (the validator's): each batch's rows are dropped from it once written.
	 */
	private void duties(String rev, List<DutyRow> duties, NodeIds units, NodeIds posts, Progress progress) {
		long started = System.nanoTime();
		List<int[]> batches = holderBatches(duties, BATCH);
		boolean release = duties instanceof ArrayList<DutyRow>;
		// the validator asked each distinct text once whether it is a placeholder
		IntPredicate placeholders = i -> duties.get(i).placeholder();
		Set<String> shared = SharedNorms.of(duties, placeholders);
		progress.timed("mark-shared-duties", System.nanoTime() - started, shared.size());
		long writing = System.nanoTime();
		sideBySide(batches, (start, end) -> {
			String kind = duties.get(start).holderKind();
			List<Map<String, Object>> rows = holderRows(duties, start, end, kind.equals("UNIT") ? units : posts,
					placeholders, shared);
			this.graph.write(kind.equals("UNIT") ? "importing/create-unit-duties" : "importing/create-position-duties",
					Map.of("rev", rev, "rows", rows));
			Map<String, Object> list = sharedList(duties, start, end, placeholders, shared);
			if (list != null) {
				list.put("rev", rev);
				this.graph.write("importing/create-shared-duties", list);
			}
			progress.written("duties", end - start);
			if (release) {
				for (int i = start; i < end; i++) {
					duties.set(i, null);
				}
			}
		});
		progress.timed("create-duties", System.nanoTime() - writing, duties.size());
	}

	/** Writes rows {@code [from, to)} of a phase in one transaction. */
	@FunctionalInterface
	private interface BatchWrite {

		void write(int from, int to);

	}

	/**
	 * Writes batches that touch disjoint nodes (no lock waits, no deadlocks) on
	 * {@code orgraph.import-writers} transactions side by side. The first failure stops every
	 * writer and is thrown once all have stopped, so nothing of the revision is written after the
	 * caller learns of it.
	 */
	private void sideBySide(List<int[]> batches, BatchWrite write) {
		AtomicInteger next = new AtomicInteger();
		AtomicReference<RuntimeException> failure = new AtomicReference<>();
		Runnable writer = () -> {
			for (int b = next.getAndIncrement(); b < batches.size() && failure.get() == null; b = next.getAndIncrement()) {
				try {
					write.write(batches.get(b)[0], batches.get(b)[1]);
				}
				catch (RuntimeException ex) {
					failure.compareAndSet(null, ex);
					return;
				}
			}
		};
		int count = Math.min(this.writers, batches.size());
		if (count <= 1) {
			writer.run();
		}
		else {
			// platform threads: the database's index trees are read optimistically and retried while another
			// transaction changes them; on virtual threads two such readers could hold both carriers of a
			// 2-core machine while the writer they wait for never ran again (an import hung in CI)
			try (ExecutorService pool = Executors
				.newThreadPerTaskExecutor(Thread.ofPlatform().daemon().name("import-duties-", 0).factory())) {
				for (int w = 0; w < count; w++) {
					pool.submit(writer);
				}
			}
		}
		if (failure.get() != null) {
			throw failure.get();
		}
	}

	/** Writes the batches one transaction after another. */
	private static void inTurn(List<int[]> batches, BatchWrite write) {
		for (int[] batch : batches) {
			write.write(batch[0], batch[1]);
		}
	}

	/** {@code [from, to)} ranges of {@code size} rows (the last one shorter) covering {@code count} rows. */
	static List<int[]> slices(int count, int size) {
		List<int[]> batches = new ArrayList<>();
		for (int from = 0; from < count; from += size) {
			batches.add(new int[] { from, Math.min(count, from + size) });
		}
		return batches;
	}

	/**
	 * Duties {@code [from, to)} (of one holder kind, grouped by holder) as one row per holder:
	 * its element id and its duties' keys, texts, norms, placeholder flags and shared marks
	 * (true when another duty of the revision has the same normal form, see {@link SharedNorms};
	 * else null, which sets no property) as parallel lists.
	 */
	static List<Map<String, Object>> holderRows(List<DutyRow> duties, int from, int to, NodeIds holders,
			IntPredicate placeholder, Set<String> sharedNorms) {
		List<Map<String, Object>> rows = new ArrayList<>();
		int start = from;
		while (start < to) {
			String holder = duties.get(start).holder();
			int end = start + 1;
			while (end < to && duties.get(end).holder().equals(holder)) {
				end++;
			}
			List<String> keys = new ArrayList<>(end - start);
			List<String> texts = new ArrayList<>(end - start);
			List<String> norms = new ArrayList<>(end - start);
			List<Boolean> placeholders = new ArrayList<>(end - start);
			List<@Nullable Boolean> shared = new ArrayList<>(end - start);
			for (int i = start; i < end; i++) {
				DutyRow d = duties.get(i);
				boolean isPlaceholder = placeholder.test(i);
				keys.add(d.key());
				texts.add(d.text());
				norms.add(d.norm());
				placeholders.add(isPlaceholder);
				shared.add(!isPlaceholder && sharedNorms.contains(d.norm()) ? Boolean.TRUE : null);
			}
			rows.add(Map.of("holder", holders.of(holder), "keys", keys, "texts", texts, "norms", norms, "placeholders",
					placeholders, "shared", shared));
			start = end;
		}
		return rows;
	}

	/**
	 * The shared duties among {@code [from, to)} (those {@link #holderRows} marks) as the
	 * parallel lists of one {@code SharedDuties} node, placed by {@code from} (batches start in
	 * the plan's order); null when the batch has none.
	 */
	static @Nullable Map<String, Object> sharedList(List<DutyRow> duties, int from, int to, IntPredicate placeholder,
			Set<String> sharedNorms) {
		List<String> keys = new ArrayList<>();
		List<String> texts = new ArrayList<>();
		List<String> norms = new ArrayList<>();
		List<String> holderKinds = new ArrayList<>();
		List<String> holders = new ArrayList<>();
		for (int i = from; i < to; i++) {
			DutyRow d = duties.get(i);
			if (sharedNorms.contains(d.norm()) && !placeholder.test(i)) {
				keys.add(d.key());
				texts.add(d.text());
				norms.add(d.norm());
				holderKinds.add(d.holderKind());
				holders.add(d.holder());
			}
		}
		if (keys.isEmpty()) {
			return null;
		}
		return row("index", from, "keys", keys, "texts", texts, "norms", norms, "holderKinds", holderKinds, "holders",
				holders);
	}

	/** How an attempt to make a revision current ended, and the organisation's current revision after it. */
	record Completion(Outcome outcome, int current) {
	}

	enum Outcome {

		/** The revision is complete (and current unless a newer one already is). */
		COMPLETE,
		/** Another revision became current after {@code expectedCurrent}: nothing changed. */
		CONFLICT,
		/** A changed reporting line loops in the written revision: nothing changed. */
		CYCLE,
		/** The revision is no longer being built (removed by a clean-up). */
		GONE

	}

	/**
	 * Makes the revision complete in one transaction under the organisation's write lock, if
	 * {@code expectedCurrent} (when not null) is still the current revision and none of the
	 * {@code changed} positions' reporting lines loops.
	 */
	Completion complete(RevisionPlan plan, OpenRevision revision, @Nullable Integer expectedCurrent, List<String> changed) {
		Map<String, Object> params = new HashMap<>();
		params.put("org", plan.key());
		params.put("rev", revision.id());
		params.put("name", plan.name());
		params.put("counts", this.json.writeValueAsString(plan.counts()));
		params.put("expectedCurrent", expectedCurrent);
		params.put("changed", changed);
		Completion completion = this.graph
			.write("importing/complete-revision", params,
					r -> new Completion(Outcome.valueOf(r.get("outcome").asString()), r.get("current").asInt()))
			.stream()
			.findFirst()
			.orElseThrow(() -> new IllegalStateException("organisation " + plan.key() + " is gone"));
		if (completion.outcome() == Outcome.COMPLETE) {
			this.leases.release(revision.id());
		}
		return completion;
	}

	/** How long a revision being written stays safe from cleanup without a renewed heartbeat. */
	java.time.Duration lease() {
		return this.leases.lease();
	}

	/** Deletes what an unfinished revision wrote. Safe to call for a revision that wrote nothing. */
	void discard(String revisionId) {
		this.leases.release(revisionId);
		try {
			this.graph.autoCommit("importing/delete-revision-nodes", Map.of("rev", revisionId));
			this.graph.write("importing/delete-revision", Map.of("rev", revisionId));
		}
		catch (RuntimeException ex) {
			log.error("Could not remove unfinished revision {}; it is retried at the next start-up", revisionId, ex);
		}
	}

	/** Revisions left building whose lease ran out {@code minimumAge} ago, none this instance writes. */
	List<String> unfinished(java.time.Duration minimumAge) {
		return this.graph.read("importing/unfinished-revisions",
				Map.of("minimumAgeSeconds", minimumAge.toSeconds(), "held", this.leases.held()),
				r -> r.get("id").asString());
	}

	private <T> void batches(String phase, String query, String rev, List<T> items, Function<T, Map<String, Object>> toRow,
			Progress progress) {
		write(phase, query, rev, items, toRow, null, progress);
	}

	/** Like {@link #batches}, for a query creating nodes: remembers the ids it returns ({@code key}, {@code id}). */
	private <T> void created(String phase, String query, String rev, List<T> items, Function<T, Map<String, Object>> toRow,
			NodeIds ids, Progress progress) {
		write(phase, query, rev, items, toRow, ids, progress);
	}

	/** Writes {@code items} in batches, one transaction after another. */
	private <T> void write(String phase, String query, String rev, List<T> items, Function<T, Map<String, Object>> toRow,
			@Nullable NodeIds ids, Progress progress) {
		long started = System.nanoTime();
		inTurn(slices(items.size(), BATCH), (from, to) -> {
			List<Map<String, Object>> rows = new ArrayList<>(to - from);
			items.subList(from, to).forEach(item -> rows.add(toRow.apply(item)));
			this.graph.write(query, Map.of("rev", rev, "rows", rows), r -> {
				if (ids != null) {
					ids.put(r.get("key").asString(), r.get("id").asString());
				}
				return null;
			});
			progress.written(phase, to - from);
		});
		progress.timed(query.substring(query.indexOf('/') + 1), System.nanoTime() - started, items.size());
	}

	private static Map<String, Object> row(Object... keyValues) {
		Map<String, Object> row = new LinkedHashMap<>();
		for (int i = 0; i < keyValues.length; i += 2) {
			row.put((String) keyValues[i], keyValues[i + 1]);
		}
		return row;
	}

}
