package org.orgraph.duties;

import java.util.List;

import org.orgraph.graph.Language;

import org.orgraph.graph.Views.DutyView;

/** A duty nobody effectively holds, and why. */
public record Orphan(DutyView duty, OrphanReason reason, String explanation, List<String> subjects) {

	public Orphan(DutyView duty, OrphanReason reason, String explanation) {
		this(duty, reason, explanation, List.of());
	}

	/** The explanation in the given language; {@code subjects} are the units or posts it names. */
	public String explanation(Language language) {
		if (language == Language.EN) {
			return this.explanation;
		}
		String named = String.join("、", this.subjects);
		return switch (this.reason) {
			case NO_HOLDER -> "没有任何部门或岗位承担这项职责";
			case UNIT_ONLY -> "仅由没有岗位的部门承担（" + named + "），没有岗位承担它";
			case ALL_HOLDERS_VACANT -> "承担它的岗位全部空缺：" + named;
			case ONLY_CONCURRENT -> "仅由兼任的岗位承担：" + named;
		};
	}

}
