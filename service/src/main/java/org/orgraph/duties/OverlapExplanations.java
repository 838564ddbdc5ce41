package org.orgraph.duties;

import org.orgraph.graph.Language;
import org.orgraph.graph.Views.DutyView;
import org.orgraph.graph.Views.HolderKind;
import org.springframework.stereotype.Component;

/**
 * {@code Overlap.explanation} in the language asked for: the overlap's English sentence, or
 * the same facts in Chinese.
 */
@Component
class OverlapExplanations {

	String explanation(Overlap overlap, Language language) {
		return (language == Language.ZH) ? chinese(overlap) : overlap.explanation();
	}

	private String chinese(Overlap o) {
		StringBuilder text = new StringBuilder();
		text.append(o.kind() == Overlap.Kind.EXACT ? "同一项职责被承担了 " + o.duties().size() + " 次："
				: o.extent() == Overlap.Extent.FULL ? "两项职责措辞不同，但说的是同一项职责："
						: "两项职责部分重叠：");
		for (int i = 0; i < o.duties().size(); i++) {
			DutyView d = o.duties().get(i);
			text.append(i == 0 ? "" : "；")
				.append("「").append(d.text()).append("」由")
				.append(d.holder().kind() == HolderKind.UNIT ? "部门 " : "岗位 ")
				.append(d.holder().name()).append("（").append(d.holder().key()).append("）承担");
		}
		text.append("。承担者之间：").append(relation(o.relation())).append('。');
		if (!o.evidence().matched().isEmpty()) {
			text.append("两者都有：").append(String.join(" + ", o.evidence().matched()));
			if (!o.evidence().onlyInFirst().isEmpty()) {
				text.append("；仅前者：").append(String.join(" + ", o.evidence().onlyInFirst()));
			}
			if (!o.evidence().onlyInSecond().isEmpty()) {
				text.append("；仅后者：").append(String.join(" + ", o.evidence().onlyInSecond()));
			}
			text.append('。');
		}
		if (o.evidence().meaning() != null) {
			text.append("语义相似度 ").append(String.format(java.util.Locale.ROOT, "%.2f", o.evidence().meaning()))
				.append(Boolean.TRUE.equals(o.evidence().contrast()) ? "，但作用对象不同" : "")
				.append('。');
		}
		if (o.settledBy() != null) {
			String title = o.settledByTitle() == null ? o.settledBy() : o.settledByTitle();
			text.append("由 ").append(title).append("（").append(o.settledBy()).append("）协调解决。");
		}
		else {
			text.append("没有共同上级：承担者分属不同的顶层。");
		}
		return text.toString();
	}

	private static String relation(HolderRelation relation) {
		return switch (relation) {
			case SAME_HOLDER -> "同一承担者，这项职责被列了两次";
			case UNIT_AND_OWN_POSITION -> "一个部门和它内部的一个岗位";
			case PARENT_CHILD -> "一个部门和它的下级部门";
			case DELEGATION -> "一位上级和其汇报线上的人员";
			case SIBLINGS -> "平级：同属一个上级部门或同一位上级";
			case CROSS_BRANCH -> "分属组织的不同分支";
		};
	}

}
