// A left-to-right tree layout for the visible part of the chart. Only what is on screen is laid
// out, so its cost follows what the user opened, not the size of the organisation.

/**
 * Places a tree of `{id, w, h, children, solo?}`: every depth gets a column as wide as its widest
 * node and subtrees are stacked top to bottom in visiting order. A long run of leaf children (a
 * flat organisation's 150 units, a unit's 80 posts) is packed into a grid whose shape follows
 * `aspect` (the screen's width over its height) instead of one column thousands of pixels tall;
 * a `solo` child (a unit's head) is never packed. A parent sits level with the middle of its
 * children when they fit in `centreMax` pixels of height, else level with the first of them, so
 * the top of a big tree is where the tree starts.
 *
 * Returns a Map from id to the node's centre `{x, y}`; its `frames` property lists the grids as
 * `{id, parent, members, x, y, w, h}` (centre and size), for drawing them as one box.
 */
export function layoutTree(root, {
  columnGap = 70, rowGap = 14, gridMin = 12, aspect = 1.6, cellGap = 12, framePad = 10, centreMax = 900,
} = {}) {
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
  const frames = [];
  let cursor = 0;

  /** Consecutive children: single ones, and runs of at least gridMin packable leaves. */
  const segments = (children) => {
    const out = [];
    let run = [];
    const flush = () => {
      if (run.length >= gridMin) out.push({ grid: run });
      else run.forEach((child) => out.push({ child }));
      run = [];
    };
    for (const child of children) {
      if (child.children.length === 0 && !child.solo) {
        run.push(child);
      } else {
        flush();
        out.push({ child });
      }
    }
    flush();
    return out;
  };

  const placeGrid = (parentId, index, items, depth) => {
    const cellW = Math.max(...items.map((i) => i.w)) + cellGap;
    const cellH = Math.max(...items.map((i) => i.h)) + cellGap;
    const n = items.length;
    const cols = Math.max(1, Math.min(n, Math.round(Math.sqrt((aspect * n * cellH) / cellW))));
    const rows = Math.ceil(n / cols);
    const left = columnX[depth] - widths[depth] / 2;
    const top = cursor;
    items.forEach((item, i) => {
      const c = i % cols;
      const r = Math.floor(i / cols);
      positions.set(item.id, { x: left + c * cellW + item.w / 2, y: top + framePad + r * cellH + item.h / 2 });
    });
    const w = cols * cellW - cellGap + 2 * framePad;
    const h = rows * cellH - cellGap + 2 * framePad;
    const frame = {
      id: `g:${parentId}:${index}`, parent: parentId, members: items.map((i) => i.id),
      x: left - framePad + w / 2, y: top + h / 2, w, h,
    };
    frames.push(frame);
    cursor = top + h + rowGap;
    return { first: top + Math.min(h, cellH) / 2, centre: frame.y };
  };

  const place = (node, depth) => {
    if (node.children.length === 0) {
      const y = cursor + node.h / 2;
      cursor += node.h + rowGap;
      positions.set(node.id, { x: columnX[depth], y });
      return y;
    }
    const top = cursor;
    const ys = [];
    let firstY = null;
    segments(node.children).forEach((segment, index) => {
      if (segment.child) {
        const y = place(segment.child, depth + 1);
        ys.push(y);
        firstY ??= y;
      } else {
        const { first, centre } = placeGrid(node.id, index, segment.grid, depth + 1);
        ys.push(centre);
        firstY ??= first;
      }
    });
    let y = cursor - top - rowGap <= centreMax ? (ys[0] + ys[ys.length - 1]) / 2 : firstY;
    // a parent taller than its children's band must not overlap the next sibling
    if (y - node.h / 2 < top) y = top + node.h / 2;
    cursor = Math.max(cursor, y + node.h / 2 + rowGap);
    positions.set(node.id, { x: columnX[depth], y });
    return y;
  };
  place(root, 0);
  positions.frames = frames;
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
