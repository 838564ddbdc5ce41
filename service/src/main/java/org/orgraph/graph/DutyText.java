package org.orgraph.graph;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The normal form of a duty's text, stored as {@code Duty.norm}: two duties with the same
 * normal form say the same thing. Width, case, whitespace and punctuation are folded, and a
 * leading modal (负责, 主要负责, 应当, "responsible for", …) is dropped because it does not
 * change what the duty is.
 */
public final class DutyText {

	private static final List<String> LEADING = List.of("主要负责", "全面负责", "具体负责", "负责", "应当", "需要", "应", "须",
			"协助", "参与");

	private static final Pattern ENGLISH_LEADING = Pattern
		.compile("^(?:(?:is|are|be)\\s+)?(?:(?:mainly|primarily|also)\\s+)?(?:responsible\\s+for|in\\s+charge\\s+of|to)\\s+");

	private static final Pattern NOT_WORD = Pattern.compile("[\\p{P}\\p{S}\\p{Z}\\s]+");

	private DutyText() {
	}

	public static String normalize(String text) {
		String s = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).strip();
		s = ENGLISH_LEADING.matcher(s).replaceFirst("");
		for (String lead : LEADING) {
			if (s.startsWith(lead) && s.length() > lead.length() + 1) {
				s = s.substring(lead.length());
				break;
			}
		}
		return NOT_WORD.matcher(s).replaceAll(" ").strip().replace(" ", isMostlyCjk(s) ? "" : " ");
	}

	private static boolean isMostlyCjk(String s) {
		long cjk = s.codePoints().filter(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN).count();
		return cjk * 2 >= s.codePoints().filter(Character::isLetterOrDigit).count();
	}

}
