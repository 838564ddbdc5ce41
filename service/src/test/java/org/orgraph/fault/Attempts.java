package org.orgraph.fault;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.orgraph.fault.StoreInvariants.Acknowledged;
import org.orgraph.importing.ImportFile;
import org.orgraph.importing.ImportJob;
import org.orgraph.importing.ImportService;

/**
 * Generated imports, numbered: what each attempt holds ({@link #expected}) and which ones the
 * service acknowledged ({@link #acknowledged}), for {@link StoreInvariants} to check. Thread-safe.
 */
final class Attempts {

	final Map<Integer, OrgDocuments.Expected> expected = new ConcurrentHashMap<>();

	final List<Acknowledged> acknowledged = new CopyOnWriteArrayList<>();

	private final AtomicInteger counter = new AtomicInteger();

	/** Attempts made so far. */
	int count() {
		return this.counter.get();
	}

	/**
	 * Generates the next attempt for {@code org} and imports it; it counts as acknowledged once
	 * the import returns. Throws what the import throws (the attempt is then unacknowledged).
	 */
	Acknowledged importNext(ImportService imports, String org, int positions, Random random) {
		int attempt = this.counter.incrementAndGet();
		OrgDocuments.Document doc = OrgDocuments.generate(org, attempt, positions, random);
		this.expected.put(attempt, doc.expected());
		ImportJob job = imports.importNow(org, "org-json", List.of(new ImportFile(org + ".json", doc.json())));
		Acknowledged acknowledged = new Acknowledged(org, job.result().revision(), attempt);
		this.acknowledged.add(acknowledged);
		return acknowledged;
	}

}
