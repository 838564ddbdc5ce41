// A left-to-right tree layout for the visible part of the chart. Only what is on screen is laid
// out, so its cost follows what the user opened, not the size of the organisation.

/**
 * Places a tree of `{id, w, h, children}`: every depth gets a column as wide as its widest
 * node, leaves are stacked top to bottom in visiting order, and a parent sits level with the
 * middle of its children. Returns a Map from id to the node's centre `{x, y}`.
 */
export function layoutTree(root, { columnGap = 70, rowGap = 14 } = {}) {
  const widths = [];
  const measure = (node, depth) => {
    widths[depth] = Math.max(widths[depth] ?? 0, node.w);
    node.children.forEach((child) => measure(child, depth + 1));
  };
  measure(root, 0);

  const columnX = [];
  let x = 0;
  widths.forEach((w, depth) => {
    columnX[depth] = x + w / 2;
    x += w + columnGap;
  });

  const positions = new Map();
  let cursor = 0;
  const place = (node, depth) => {
    if (node.children.length === 0) {
      const y = cursor + node.h / 2;
      cursor += node.h + rowGap;
      positions.set(node.id, { x: columnX[depth], y });
      return y;
    }
    const top = cursor;
    const ys = node.children.map((child) => place(child, depth + 1));
    let y = (ys[0] + ys[ys.length - 1]) / 2;
    // a parent taller than its children's band must not overlap the next sibling
    if (y - node.h / 2 < top) y = top + node.h / 2;
    cursor = Math.max(cursor, y + node.h / 2 + rowGap);
    positions.set(node.id, { x: columnX[depth], y });
    return y;
  };
  place(root, 0);
  return positions;
}

/** Shortens a label line to about `max` wide characters (a CJK character counts twice a Latin one). */
export function clip(text, max = 16) {
  let width = 0;
  let out = '';
  for (const ch of text ?? '') {
    width += /[\u1100-\uffff]/.test(ch) ? 1 : 0.55;
    if (width > max) return out + '…';
    out += ch;
  }
  return out;
}
