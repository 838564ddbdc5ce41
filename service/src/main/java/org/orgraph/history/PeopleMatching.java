package org.orgraph.history;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.orgraph.duties.RevisionSnapshot;

/**
 * Who is the same person in two revisions. A source with person identities (employee ids in
 * an org document or CSV bundle) is matched by them. A source without (UK organograms, whose
 * holder keys are seats such as {@code B44-holder}) is matched by normalised name: case,
 * accents, punctuation, honorifics and word order do not count ({@code Barrett John} is
 * {@code John Barrett}). A name written differently on the same post in both revisions
 * ({@code Nick Dyer}, then {@code Nicholas Dyer}) is the same person when the two names share
 * a word; anywhere else, different names are different people. Undisclosed holders have no
 * identity and are never matched.
 */
final class PeopleMatching {

	private static final Pattern NOT_LETTER = Pattern.compile("[^\\p{L}\\p{N}]+");

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	private static final Set<String> HONORIFICS = Set.of("mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame", "prof",
			"professor", "lord", "lady", "rt", "hon", "cbe", "obe", "mbe", "kcmg", "cmg", "cb", "kcb", "dcb", "frs", "qc",
			"kc", "phd");

	private static final Set<String> UNDISCLOSED = Set.of("", "not disclosed", "disclosed not", "nd", "n d", "vacant",
			"withheld");

	/** A person in one revision: the key and name of one of its holdings, and every post held. */
	record Person(String identity, String key, String name, Set<String> posts) {
	}

	private final Map<String, Person> before;

	private final Map<String, Person> after;

	/** Identity in the earlier revision → identity in the later one, where names were written differently. */
	private final Map<String, String> aliases = new HashMap<>();

	private final boolean byName;

	PeopleMatching(RevisionSnapshot a, RevisionSnapshot b, boolean byName) {
		this.byName = byName;
		this.before = people(a);
		this.after = people(b);
		if (byName) {
			alias();
		}
	}

	boolean byName() {
		return this.byName;
	}

	/** The identity of a holding, as the later revision names it; null for an undisclosed holder. */
	@Nullable String identityBefore(RevisionSnapshot.Holding h) {
		@Nullable String id = identity(h);
		return (id == null) ? null : this.aliases.getOrDefault(id, id);
	}

	@Nullable String identityAfter(RevisionSnapshot.Holding h) {
		return identity(h);
	}

	List<Person> left() {
		return this.before.values()
			.stream()
			.filter(p -> !this.after.containsKey(this.aliases.getOrDefault(p.identity(), p.identity())))
			.toList();
	}

	List<Person> joined() {
		Set<String> known = new TreeSet<>();
		this.before.keySet().forEach(id -> known.add(this.aliases.getOrDefault(id, id)));
		return this.after.values().stream().filter(p -> !known.contains(p.identity())).toList();
	}

	/** People in both revisions, earlier → later. */
	Map<Person, Person> stayed() {
		Map<Person, Person> both = new LinkedHashMap<>();
		this.before.values().forEach(p -> {
			Person later = this.after.get(this.aliases.getOrDefault(p.identity(), p.identity()));
			if (later != null) {
				both.put(p, later);
			}
		});
		return both;
	}

	private Map<String, Person> people(RevisionSnapshot s) {
		Map<String, Person> people = new LinkedHashMap<>();
		s.holdingsByPerson().values().stream().flatMap(List::stream).sorted(java.util.Comparator.comparing(RevisionSnapshot.Holding::person)).forEach(h -> {
			@Nullable String id = identity(h);
			if (id != null) {
				people.computeIfAbsent(id, k -> new Person(k, h.person(), h.name(), new TreeSet<>())).posts().add(h.position());
			}
		});
		return people;
	}

	private @Nullable String identity(RevisionSnapshot.Holding h) {
		if (!this.byName) {
			return "key:" + h.person();
		}
		String name = normalise(h.name());
		return UNDISCLOSED.contains(name) ? null : "name:" + name;
	}

	/** Leavers and joiners on the same post whose names share a word are one person. */
	private void alias() {
		List<Person> left = left();
		List<Person> joined = new ArrayList<>(joined());
		for (Person gone : left) {
			for (Person come : joined) {
				if (gone.posts().stream().anyMatch(come.posts()::contains) && shareAWord(gone.identity(), come.identity())) {
					this.aliases.put(gone.identity(), come.identity());
					joined.remove(come);
					break;
				}
			}
		}
	}

	private static boolean shareAWord(String a, String b) {
		List<String> wordsA = Arrays.asList(a.substring(5).split(" "));
		List<String> wordsB = Arrays.asList(b.substring(5).split(" "));
		return wordsA.stream().anyMatch(x -> x.length() >= 3 && wordsB.stream().anyMatch(y -> sameWord(x, y)));
	}

	private static boolean sameWord(String x, String y) {
		return x.equals(y) || (Math.min(x.length(), y.length()) >= 4 && editDistanceAtMostOne(x, y));
	}

	private static boolean editDistanceAtMostOne(String x, String y) {
		if (Math.abs(x.length() - y.length()) > 1) {
			return false;
		}
		int i = 0;
		int j = 0;
		int edits = 0;
		while (i < x.length() && j < y.length()) {
			if (x.charAt(i) == y.charAt(j)) {
				i++;
				j++;
				continue;
			}
			if (++edits > 1) {
				return false;
			}
			if (x.length() > y.length()) {
				i++;
			}
			else if (x.length() < y.length()) {
				j++;
			}
			else {
				i++;
				j++;
			}
		}
		return edits + (x.length() - i) + (y.length() - j) <= 1;
	}

	/** Lower case, no accents or punctuation, no honorifics, words sorted: {@code "Barrett, John"} → {@code barrett john}. */
	static String normalise(String name) {
		String folded = MARKS.matcher(Normalizer.normalize(name, Normalizer.Form.NFKD)).replaceAll("")
			.toLowerCase(Locale.ROOT)
			.replace("'", "")
			.replace("\u2019", "");
		return Arrays.stream(NOT_LETTER.matcher(folded).replaceAll(" ").strip().split(" "))
			.filter(w -> !w.isEmpty() && !HONORIFICS.contains(w))
			.sorted()
			.reduce((x, y) -> x + " " + y)
			.orElse("");
	}

}
