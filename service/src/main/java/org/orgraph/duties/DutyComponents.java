package org.orgraph.duties;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.corpus.synonym.Synonym;
import com.hankcs.hanlp.dictionary.CoreSynonymDictionary;
import com.hankcs.hanlp.dictionary.common.CommonSynonymDictionary;
import com.hankcs.hanlp.seg.common.Term;
import org.tartarus.snowball.ext.EnglishStemmer;

/**
 * What a duty does and to what: its text for meaning (numbering, a leading 负责/主要负责 or
 * "responsible for" and trailing punctuation removed), its clauses, and its words split into
 * actions (制定, 监督, "leading") and objects (战略目标, 售后, "audit"). Chinese words come from
 * HanLP, each with its class in 同义词词林 (HanLP's CoreSynonym) so that 制定/拟定 and 监督/督促
 * share a key; English words are stemmed. Two duties that do the same to the same are one
 * responsibility whatever the words; the same action on a contrasting object (售前/售后,
 * 咨询/投诉) is not.
 */
final class DutyComponents {

	/** A word of the duty: {@code key} is what two duties must share for the word to match. */
	record Word(String surface, String key, boolean action) {
	}

	/** A duty broken down: its meaning text, its clauses (each a text of its own), its words. */
	record Parts(String text, List<String> clauses, List<Word> words) {

		List<Word> actions() {
			return this.words.stream().filter(Word::action).toList();
		}

		List<Word> objects() {
			return this.words.stream().filter(w -> !w.action()).toList();
		}

	}

	/** Leading list numbers and bullets: 1. / (2) / 3、/ 一、/ ① / • / - */
	private static final Pattern LEADING_NUMBER = Pattern.compile(
			"^\\s*(?:[\\x{2460}-\\x{2473}]|[•·\\-*]|\\(?[0-9一二三四五六七八九十]{1,3}[)）.、．]|[（(][0-9一二三四五六七八九十]{1,3}[)）])\\s*");

	/** A leading modal that says a duty is held, not what it is. */
	private static final Pattern LEADING_MODAL = Pattern.compile(
			"^(?:(?:主要|全面|具体|直接)?负责(?:对|组织)?|(?:(?:is|are|be)\\s+)?(?:(?:mainly|primarily|also)\\s+)?responsible\\s+for\\s+)",
			Pattern.CASE_INSENSITIVE);

	private static final Pattern TRAILING = Pattern.compile("[\\s\\p{P}]+$");

	/** Clause breaks inside a text: punctuation that separates parts of a duty. */
	private static final Pattern CLAUSE_PUNCTUATION = Pattern.compile("[；;，,、。:：]");

	/** Words that say nothing about which duty it is. */
	private static final Set<String> GENERIC = Set.of("负责", "工作", "相关", "有关", "进行", "做好", "各项", "各类", "日常", "其他",
			"事项", "事宜", "方面", "情况", "等", "及时", "有效", "确保", "保证", "各", "全面", "具体", "主要");

	private static final Set<String> ENGLISH_STOPWORDS = Set.of("the", "a", "an", "of", "and", "for", "to", "in", "on",
			"with", "all", "its", "their", "our", "as", "by", "at", "from", "into", "across", "within", "including",
			"responsible", "or", "who", "which", "that", "this", "is", "are", "be", "will", "other", "also");

	private static final Set<String> ENGLISH_VERBS = Set.of("lead", "manag", "overse", "provid", "develop", "deliv",
			"support", "advis", "ensur", "head", "coordin", "direct", "plan", "prepar", "draft", "review", "monitor",
			"supervis", "organis", "organ", "maintain", "handl", "run", "set", "implement", "establish", "promot",
			"control", "conduct", "check", "report", "respons", "approv", "build", "shape", "drive");

	private DutyComponents() {
	}

	static Parts of(String raw) {
		String text = meaningText(raw);
		boolean chinese = "zh".equals(DutyEmbeddings.modelFor(text));
		return chinese ? chinese(text) : english(text);
	}

	/** The text the meaning is read from: numbering, a leading modal and trailing punctuation removed. */
	static String meaningText(String raw) {
		String s = Normalizer.normalize(raw, Normalizer.Form.NFKC).strip();
		s = s.replaceAll("^[\"'“”‘’「」『』]+|[\"'“”‘’「」『』]+$", "");
		s = LEADING_NUMBER.matcher(s).replaceFirst("");
		Matcher modal = LEADING_MODAL.matcher(s);
		if (modal.find() && modal.end() < s.length()) {
			s = s.substring(modal.end());
		}
		s = TRAILING.matcher(s).replaceFirst("").strip();
		return s.isEmpty() ? raw.strip() : s;
	}

	private static Parts chinese(String text) {
		List<Term> terms = merged(HanLP.segment(text));
		List<Word> words = new ArrayList<>();
		List<String> clauses = new ArrayList<>();
		StringBuilder clause = new StringBuilder();
		String clauseAction = null;
		String firstAction = null;
		boolean clauseHasAction = false;
		for (Term t : terms) {
			String nature = t.nature == null ? "" : t.nature.toString();
			boolean punctuation = nature.startsWith("w") || CLAUSE_PUNCTUATION.matcher(t.word).matches();
			boolean conjunction = "c".equals(nature) || "cc".equals(nature);
			if (punctuation || conjunction) {
				addClause(clauses, clause.toString(), clauseHasAction, firstAction);
				clause.setLength(0);
				clauseHasAction = false;
				continue;
			}
			clause.append(t.word);
			if (!isContent(t.word, nature)) {
				continue;
			}
			boolean action = nature.startsWith("v") && !("vn".equals(nature) && !words.isEmpty());
			if (action) {
				clauseHasAction = true;
				if (firstAction == null) {
					firstAction = t.word;
				}
				clauseAction = t.word;
			}
			words.add(new Word(t.word, synonymKey(t.word), action));
		}
		addClause(clauses, clause.toString(), clauseHasAction, firstAction);
		if (clauseAction == null && clauses.size() <= 1) {
			clauses.clear();
		}
		return new Parts(text, clauses.size() > 1 ? List.copyOf(clauses) : List.of(), List.copyOf(words));
	}

	/**
	 * A clause without a verb of its own shares the duty's first action (制定运营规划和目标: the
	 * second clause is 制定目标, not 目标); clauses of one character say nothing on their own.
	 */
	private static void addClause(List<String> clauses, String clause, boolean hasAction, String firstAction) {
		String c = clause.strip();
		if (c.codePointCount(0, c.length()) < 2) {
			return;
		}
		if (!hasAction && firstAction != null && !clauses.isEmpty()) {
			c = firstAction + c;
		}
		if (!clauses.contains(c)) {
			clauses.add(c);
		}
	}

	/** Runs of single Han characters are one word (售 + 前 is 售前, not a verb and a direction). */
	private static List<Term> merged(List<Term> terms) {
		List<Term> out = new ArrayList<>();
		for (int i = 0; i < terms.size(); i++) {
			Term t = terms.get(i);
			if (singleHan(t) && i + 1 < terms.size() && singleHan(terms.get(i + 1))) {
				StringBuilder w = new StringBuilder(t.word);
				while (i + 1 < terms.size() && singleHan(terms.get(i + 1))) {
					w.append(terms.get(++i).word);
				}
				out.add(new Term(w.toString(), com.hankcs.hanlp.corpus.tag.Nature.n));
			}
			else {
				out.add(t);
			}
		}
		return out;
	}

	private static boolean singleHan(Term t) {
		String nature = t.nature == null ? "" : t.nature.toString();
		return t.word.length() == 1 && Character.UnicodeScript.of(t.word.charAt(0)) == Character.UnicodeScript.HAN
				&& !nature.startsWith("u") && !nature.startsWith("w") && !nature.startsWith("c") && !nature.startsWith("p")
				&& !"的和与及或并等".contains(t.word);
	}

	private static boolean isContent(String word, String nature) {
		if (GENERIC.contains(word) || word.isBlank()) {
			return false;
		}
		// particles, prepositions, pronouns, numerals, measure words, auxiliaries, modal adverbs
		return !(nature.startsWith("u") || nature.startsWith("p") || nature.startsWith("r") || nature.startsWith("m")
				|| nature.startsWith("q") || nature.startsWith("y") || nature.startsWith("e") || nature.startsWith("o")
				|| "d".equals(nature) || "dg".equals(nature));
	}

	/**
	 * The word's class at the fourth level of 同义词词林 (制定 Hc14D01 and 拟定 Hc14D02 share Hc14D)
	 * when the dictionary holds it with synonyms or related words; otherwise the word itself.
	 */
	static String synonymKey(String word) {
		CommonSynonymDictionary.SynonymItem item = CoreSynonymDictionary.get(word);
		if (item == null || item.entry == null) {
			return word;
		}
		Synonym entry = item.entry;
		String code = entry.getIdString();
		// '=' synonyms and '#' related words (计划/规划) share their fourth-level class; '@' stands alone
		if (code == null || code.length() < 5 || item.type == Synonym.Type.SINGLE) {
			return word;
		}
		return code.substring(0, 5);
	}

	private static Parts english(String text) {
		String lower = text.toLowerCase(Locale.ROOT);
		List<String> clauses = new ArrayList<>();
		for (String c : lower.split("\\s*(?:[,;.:]|\\band\\b)\\s*")) {
			if (c.strip().split("\\s+").length >= 2 && !clauses.contains(c.strip())) {
				clauses.add(c.strip());
			}
		}
		List<Word> words = new ArrayList<>();
		EnglishStemmer stemmer = new EnglishStemmer();
		for (String token : lower.split("[^\\p{L}\\p{N}]+")) {
			if (token.isEmpty() || ENGLISH_STOPWORDS.contains(token) || token.chars().allMatch(Character::isDigit)) {
				continue;
			}
			stemmer.setCurrent(token);
			stemmer.stem();
			String stem = stemmer.getCurrent();
			boolean action = words.isEmpty() && (token.endsWith("ing") || ENGLISH_VERBS.contains(stem))
					|| ENGLISH_VERBS.contains(stem) && token.endsWith("ing");
			words.add(new Word(token, stem, action));
		}
		return new Parts(text, clauses.size() > 1 ? List.copyOf(clauses) : List.of(), List.copyOf(words));
	}

}
