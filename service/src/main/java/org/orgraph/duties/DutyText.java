package org.orgraph.duties;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

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

	private DutyText() {
	}

	/*
	 * Every import normalises every duty (six million at a million people), so the steps below
	 * avoid what they can: a pattern anchored at the start runs only when the first character
	 * could begin a match, and words are cut with one pass over the code points instead of a
	 * regular expression and a stream.
	 */
	public static String normalize(String text) {
		String s = Normalizer.normalize(mayStartCircled(text) ? CIRCLED_NUMBER.matcher(text).replaceFirst("") : text,
				Normalizer.Form.NFKC)
			.toLowerCase(Locale.ROOT)
			.strip();
		s = stripLeadingPunctuation(s);
		if (!s.isEmpty() && (isAsciiDigit(s.charAt(0)) || "一二三四五六七八九十".indexOf(s.charAt(0)) >= 0)) {
			s = LIST_NUMBER.matcher(s).replaceFirst("");
		}
		s = stripLeadingPunctuation(s);
		if (!s.isEmpty() && "主岗工职dr".indexOf(s.charAt(0)) >= 0) {
			s = FIELD_LABEL.matcher(s).replaceFirst("");
		}
		if (!s.isEmpty() && "iabmprt".indexOf(s.charAt(0)) >= 0) {
			s = ENGLISH_LEADING.matcher(s).replaceFirst("");
		}
		s = stripLeadingModal(s);
		boolean cjk = isMostlyCjk(s);
		String words = words(s, cjk ? "" : " ");
		return cjk ? stripTrailing(words) : words;
	}

	/** The words of {@code s} (runs between punctuation, symbols and spaces) but English stopwords, joined. */
	private static String words(String s, String separator) {
		StringBuilder joined = new StringBuilder(s.length());
		int start = -1;
		for (int i = 0; i <= s.length();) {
			int cp = i < s.length() ? s.codePointAt(i) : ' ';
			if (isWordBreak(cp)) {
				if (start >= 0) {
					String word = s.substring(start, i);
					if (!ENGLISH_STOPWORDS.contains(word)) {
						if (!joined.isEmpty()) {
							joined.append(separator);
						}
						joined.append(word);
					}
					start = -1;
				}
			}
			else if (start < 0) {
				start = i;
			}
			i += i < s.length() ? Character.charCount(cp) : 1;
		}
		return joined.toString();
	}

	/** What {@code [\p{P}\p{S}\p{Z}\s]} matches: punctuation, symbols, separators, ASCII white space. */
	private static boolean isWordBreak(int cp) {
		if (cp == ' ' || (cp >= '\t' && cp <= '\r')) {
			return true;
		}
		return switch (Character.getType(cp)) {
			case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
					Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
					Character.OTHER_PUNCTUATION, Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL,
					Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL, Character.SPACE_SEPARATOR,
					Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR ->
				true;
			default -> false;
		};
	}

	/** Whether the text, past leading ASCII white space, starts with a circled number. */
	private static boolean mayStartCircled(String text) {
		int i = 0;
		while (i < text.length() && (text.charAt(i) == ' ' || (text.charAt(i) >= '\t' && text.charAt(i) <= '\r'))) {
			i++;
		}
		if (i >= text.length()) {
			return false;
		}
		char c = text.charAt(i);
		return (c >= '\u2460' && c <= '\u2473') || (c >= '\u3251' && c <= '\u325F') || (c >= '\u32B1' && c <= '\u32BF');
	}

	private static boolean isAsciiDigit(char c) {
		return c >= '0' && c <= '9';
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
		long cjk = 0;
		long letters = 0;
		for (int i = 0; i < s.length();) {
			int cp = s.codePointAt(i);
			// no code point below U+2E80 (CJK radicals) is Han: spare them the script lookup
			if (cp >= 0x2E80 && Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN) {
				cjk++;
			}
			if (Character.isLetterOrDigit(cp)) {
				letters++;
			}
			i += Character.charCount(cp);
		}
		return cjk * 2 >= letters;
	}

}
