/**
 * Reading the org documents consultants are handed (组织架构及部门职责, 岗位职责说明书 as text,
 * .docx or .pdf) into an org document, with the source line and excerpt of every item.
 */
@NullMarked
package org.orgraph.documents;

import org.jspecify.annotations.NullMarked;
