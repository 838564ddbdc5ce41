package org.orgraph.duties;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Recognises duty texts that stand in for a duty without stating one: information withheld
 * ("Information withheld on security grounds"), a note that the post is gone ("Post
 * eliminated in the reshuffle; …"), and the catch-all every job description ends with
 * (其他, 完成领导交办的其他任务, "any other duties as assigned"). They are kept and shown, marked
 * {@code Duty.placeholder}, but a duty analysis must not count them: seven posts "holding"
 * the same withheld text do not duplicate each other's work.
 * <p>
 * The patterns describe the kinds of text, not any one document's wording.
 */
public final class PlaceholderDuties {

	/** Longer texts say something beyond the placeholder, however they begin. */
	private static final int MAX_WHOLE = 160;

	/** Withheld or undisclosed information, as the whole text or its opening words. */
	private static final Pattern WITHHELD = Pattern.compile(
			"^(?:(?:the\\s+)?(?:information|details?|data|description|content|text|function|duties|role)\\s+(?:is\\s+|are\\s+|has\\s+been\\s+|have\\s+been\\s+)?)?"
					+ "(?:withheld|redacted|not\\s+disclosed|undisclosed|not\\s+(?:available|provided|given|published|released)|confidential)\\b.*");

	/** Only a marker: n/a, n/d, tbc, none, a dash. */
	private static final Pattern MARKER = Pattern
		.compile("^(?:n\\s*/?\\s*a|n\\s*/?\\s*d|tbc|tbd|to\\s+be\\s+(?:confirmed|decided|advised)|none|nil|unknown|[-–—.?*]+|无|暂无|不详|待定)$");

	/** A note that the post no longer exists, with whatever preamble follows it. */
	private static final Pattern POST_GONE = Pattern.compile(
			"^(?:(?:this|the)\\s+)?(?:post|role|position|job)?\\s*(?:has\\s+been\\s+|was\\s+|is\\s+|now\\s+)?(?:eliminated|abolished|deleted|disestablished|discontinued|closed\\s+down)\\b.*");

	/** The English catch-all: "(carry out) any other duties (as assigned / as required by …)". */
	private static final Pattern OTHER_DUTIES_EN = Pattern.compile(
			"^(?:(?:to\\s+)?(?:carry\\s+out|perform|undertake|do|complete|handle|take\\s+on)\\s+)?(?:any\\s+|all\\s+|such\\s+|and\\s+)?(?:other|additional|further|ad[\\s-]hoc|miscellaneous)\\s+"
					+ "(?:related\\s+|reasonable\\s+|relevant\\s+)?(?:duties|tasks|responsibilities|work|assignments|projects)"
					+ "(?:\\s+(?:as|that\\s+may\\s+be|which\\s+may\\s+be|when|where)\\s+(?:[a-z]+\\s+){0,3}?(?:assigned|required|directed|requested|delegated|needed|necessary|appropriate|instructed)(?:\\s+.*)?)?$");

	/** The Chinese catch-all, once punctuation is gone: 其他, (完成)(领导)交办的(其他)(临时)任务/工作/事项. */
	private static final Pattern OTHER_DUTIES_ZH = Pattern.compile(
			"^(?:负责|完成|承担|承办|办理|做好|执行|落实|及时完成)?(?:公司|部门|上级|领导|上级领导|公司领导|部门领导|主管|直接上级|总经理)?(?:的)?"
					+ "(?:(?:其他|其它|另行)?(?:交办|安排|布置|交给|指派|委派|临时交办)(?:的)?)?(?:其他|其它|其余)?(?:临时性?|相关|各项)?(?:的)?"
					+ "(?:工作|任务|事项|事务|事宜|职责|工作任务)?$");

	private static final Pattern NOT_LETTER = Pattern.compile("[^\\p{L}\\p{N}]+");

	/** A word at least one of the patterns needs (lower case); texts of five or more characters without any are duties. */
	private static final java.util.List<String> CUES = java.util.List.of("withh", "disclos", "redact", "confidential",
			"not ", "n/", "tbc", "tbd", "to be", "none", "nil", "unknown", "eliminat", "abolish", "delet", "disestablish",
			"discontinu", "closed", "other", "additional", "further", "ad hoc", "ad-hoc", "miscellaneous", "其他", "其它",
			"其余", "交办", "交给", "安排", "布置", "指派", "委派", "临时", "暂无", "不详", "待定", "---", "...");

	private PlaceholderDuties() {
	}

	/** Whether {@code text} stands in for a duty rather than stating one. */
	public static boolean isPlaceholder(String text) {
		String lower = text.toLowerCase(Locale.ROOT);
		if (text.length() > MAX_WHOLE && !hasGoneWord(lower)) {
			// most duties: too long to be a whole placeholder, and no preamble of a gone post
			return false;
		}
		if (text.strip().length() > 4 && CUES.stream().noneMatch(lower::contains)) {
			// every import asks this of every duty: without one of these words no pattern can match
			return false;
		}
		String t = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).strip();
		// wrapping quotes, list numbers and field labels are not the text
		t = t.replaceAll("^[\\s\"'“”‘’「」『』(（\\[]+|[\\s\"'“”‘’「」『』)）\\]]+$", "");
		t = t.replaceAll("^(?:\\d{1,2}|[一二三四五六七八九十]{1,3})[.、)）]\\s*", "");
		t = t.replaceAll("^(?:主要职责|岗位职责|工作职责|职责|duties|responsibilities|function)\\s*[:：]\\s*", "");
		t = t.replaceAll("\\s+", " ").replaceAll("[.。;；!！]+$", "").strip();
		if (t.isEmpty()) {
			return true;
		}
		if (MARKER.matcher(t).matches()) {
			return true;
		}
		if (POST_GONE.matcher(t).matches() && hasGoneWord(t)) {
			return true;
		}
		if (t.length() > MAX_WHOLE) {
			return false;
		}
		if (WITHHELD.matcher(t).matches() || OTHER_DUTIES_EN.matcher(t).matches()) {
			return true;
		}
		String cjk = NOT_LETTER.matcher(t).replaceAll("");
		return !cjk.isEmpty() && cjk.codePoints().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)
				&& OTHER_DUTIES_ZH.matcher(cjk).matches() && (cjk.contains("其他") || cjk.contains("其它")
						|| cjk.contains("其余") || cjk.contains("交办") || cjk.contains("交给") || cjk.contains("临时"));
	}

	private static boolean hasGoneWord(String t) {
		String head = t.length() > 60 ? t.substring(0, 60) : t;
		return head.matches("(?s).*\\b(?:eliminated|abolished|deleted|disestablished|discontinued|closed\\s+down)\\b.*");
	}

}
