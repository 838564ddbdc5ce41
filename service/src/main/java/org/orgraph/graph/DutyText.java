package org.orgraph.graph;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The normal form of a duty's text, stored as {@code Duty.norm}: two duties with the same
 * normal form say the same thing. Width, case, whitespace and punctuation are folded; a list
 * number, a field label (职责:), a leading modal (负责, 主要负责, 应当, "responsible for", …), a
 * trailing 等/等工作 and English function words are dropped, because none of them changes what
 * the duty is. Anything that does change it, even one verb (监督 vs 指导), keeps two duties
 * apart: that is the similar-overlap analysis' job.
 */
public final class DutyText {

	private static final List<String> LEADING = List.of("主要负责", "全面负责", "具体负责", "负责", "应当", "需要", "应", "须",
			"协助", "参与");

	/** Words that begin with a modal's character without being a modal (应急预案 is not 应 + 急预案). */
	private static final Set<String> NOT_MODAL = Set.of("应急", "应收", "应付", "应用", "应对", "应聘", "应届", "应变", "应答",
			"应征", "应税", "应酬", "须知");

	private static final List<String> TRAILING = List.of("等工作", "等事项", "等事宜", "等等", "等");

	/** Characters that make a final 等 part of a word (平等, 同等, 高等, …) rather than "and so on". */
	private static final String BOUND_BEFORE_DENG = "平对同均高中初相优上下次劣一二三特头何超";

	private static final Set<String> ENGLISH_STOPWORDS = Set.of("the", "a", "an", "of", "and", "for", "to", "in", "on",
			"with", "all");

	/** A circled list number (①, ㉑), looked for before NFKC turns it into a bare digit. */
	private static final Pattern CIRCLED_NUMBER = Pattern
		.compile("^\\s*[\\x{2460}-\\x{2473}\\x{3251}-\\x{325F}\\x{32B1}-\\x{32BF}]");

	/**
	 * A list number once leading punctuation is gone: 1. / (2) / 3、/ 一、/ ⑴ (NFKC has made （ a (
	 * by then); 3.5 is a number, not a list item.
	 */
	private static final Pattern LIST_NUMBER = Pattern.compile("^(?:\\d{1,2}|[一二三四五六七八九十]{1,3})[).、](?!\\d)");

	/** A document's field label in front of the duty (职责: …, Responsibilities: …). */
	private static final Pattern FIELD_LABEL = Pattern
		.compile("^(?:主要职责|岗位职责|工作职责|职责|duties|responsibilities)\\s*[:]\\s*");

	private static final Pattern ENGLISH_LEADING = Pattern
		.compile("^(?:(?:is|are|be)\\s+)?(?:(?:mainly|primarily|also)\\s+)?(?:responsible\\s+for|in\\s+charge\\s+of|to)\\s+");

	private static final Pattern NOT_WORD = Pattern.compile("[\\p{P}\\p{S}\\p{Z}\\s]+");

	private DutyText() {
	}

	public static String normalize(String text) {
		String s = Normalizer.normalize(CIRCLED_NUMBER.matcher(text).replaceFirst(""), Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).strip();
		s = stripLeadingPunctuation(LIST_NUMBER.matcher(stripLeadingPunctuation(s)).replaceFirst(""));
		s = FIELD_LABEL.matcher(s).replaceFirst("");
		s = ENGLISH_LEADING.matcher(s).replaceFirst("");
		s = stripLeadingModal(s);
		boolean cjk = isMostlyCjk(s);
		String words = Arrays.stream(NOT_WORD.split(s))
			.filter(w -> !w.isEmpty() && !ENGLISH_STOPWORDS.contains(w))
			.collect(Collectors.joining(cjk ? "" : " "));
		return cjk ? stripTrailing(words) : words;
	}

	private static String stripLeadingPunctuation(String s) {
		int i = 0;
		while (i < s.length() && !Character.isLetterOrDigit(s.codePointAt(i))) {
			i += Character.charCount(s.codePointAt(i));
		}
		return s.substring(i);
	}

	private static String stripLeadingModal(String s) {
		for (String lead : LEADING) {
			if (s.startsWith(lead) && s.length() > lead.length() + 1
					&& !NOT_MODAL.contains(s.substring(0, Math.min(s.length(), lead.length() + 1)))) {
				return s.substring(lead.length());
			}
		}
		return s;
	}

	private static String stripTrailing(String s) {
		for (String tail : TRAILING) {
			if (s.endsWith(tail) && s.length() > tail.length() + 1) {
				String rest = s.substring(0, s.length() - tail.length());
				boolean partOfWord = tail.equals("等") && BOUND_BEFORE_DENG.indexOf(rest.charAt(rest.length() - 1)) >= 0;
				return partOfWord ? s : rest;
			}
		}
		return s;
	}

	private static boolean isMostlyCjk(String s) {
		long cjk = s.codePoints().filter(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN).count();
		return cjk * 2 >= s.codePoints().filter(Character::isLetterOrDigit).count();
	}

}
