package org.orgraph;

import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * Text an attacker or a careless export puts into names, titles and duties: injection
 * strings, right-to-left and invisible characters, NUL and other controls, combining marks,
 * astral characters, very long values, and random well-formed Unicode. Every value is valid
 * UTF-16 (no lone surrogates: see {@link #loneSurrogates()}).
 */
public final class HostileStrings {

	/** Cypher, SQL, JSON, CSV and HTML injection attempts, each meant to be stored as typed. */
	public static final List<String> INJECTIONS = List.of("'}) MATCH (n) DETACH DELETE n //",
			"\"}) MATCH (n) DETACH DELETE n //", "x' OR 1=1 WITH 1 AS x MATCH (n) DETACH DELETE n //",
			"`) DETACH DELETE n; //", "$name {key: $key} /* */", "\\'; CALL dbms.killQueries() //",
			"'; DROP TABLE people; --", "\"},{\"key\":\"E9\",\"name\":\"injected\"}", "=cmd|' /C calc'!A0",
			"+SUM(1+1)*cmd|' /C calc'!A0", "@SUM(1)", "<script>alert(1)</script>", "{{7*7}} ${7*7} #{7*7}",
			"\\u0000 \\n literal escapes", "../../etc/passwd");

	/** Right-to-left text and bidi controls (Trojan Source). */
	public static final List<String> BIDI = List.of("مدير الشؤون المالية", "מנהלת כספים", "\u202Eevil\u202C.csv",
			"admin\u2066\u2069 \u2067x\u2069", "\u200Fعربي English \u200E");

	/** Zero-width and invisible characters, inside text so nothing strips them. */
	public static final List<String> INVISIBLE = List.of("Ali\u200Bce", "Bo\u200Cb\u200D", "Ca\u2060rol", "D\uFEFFan",
			"E\u00ADve", "Zoë and Zoe\u0308", "e\u0301 e\u0301 é", "Ｆｕｌｌ　ｗｉｄｔｈ");

	/** NUL, controls, line and paragraph separators. */
	public static final List<String> CONTROLS = List.of("a\u0000b", "tab\tand\u000Bvt", "\u0001\u001F\u007F\u0085x",
			"line\nbreak", "crlf\r\nbreak", "ls\u2028ps\u2029x", "bell\u0007");

	/** Astral characters, emoji sequences, CJK. */
	public static final List<String> ASTRAL = List.of("𝕏 𝔐𝔞𝔯𝔨", "👩‍💻🏳️‍🌈", "财务部 · 总经理", "𠜎𠜱𠝹", "🇬🇧🇨🇳");

	private HostileStrings() {
	}

	/**
	 * One hostile value drawn from a seeded {@link Random}: injection strings, bidi and
	 * invisible characters, controls, astral characters, random Unicode, very long values.
	 */
	public static String sample(Random random) {
		List<String> pieces = List.of(INJECTIONS, BIDI, INVISIBLE, CONTROLS, ASTRAL)
			.stream()
			.flatMap(List::stream)
			.toList();
		String value = switch (random.nextInt(8)) {
			case 0, 1 -> INJECTIONS.get(random.nextInt(INJECTIONS.size()));
			case 2 -> pieces.get(random.nextInt(pieces.size()));
			case 3, 4 -> random.ints(1 + random.nextInt(40), 1, 0x10FFFF)
				.filter(cp -> cp < 0xD800 || cp > 0xDFFF)
				.mapToObj(Character::toString)
				.collect(Collectors.joining());
			case 5, 6 -> random.ints(2 + random.nextInt(4), 0, pieces.size())
				.mapToObj(pieces::get)
				.collect(Collectors.joining(" "));
			default -> pieces.get(random.nextInt(pieces.size())).repeat(10_000 / 4 + random.nextInt(20_000));
		};
		return value.isBlank() ? sample(random) : value;
	}

}
