// The chart's tree layout, without a browser: the page's own module, imported as is.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clip, layoutTree } from '../../../main/resources/static/ui/layout.js';

const leaf = (id, h = 40) => ({ id, w: 100, h, children: [] });

test('children stack top to bottom in their own column and the parent sits level with their middle', () => {
  const tree = { id: 'root', w: 120, h: 40, children: [leaf('a'), leaf('b'), leaf('c')] };
  const at = layoutTree(tree, { columnGap: 50, rowGap: 10 });
  assert.deepEqual(['a', 'b', 'c'].map((id) => at.get(id).y), [20, 70, 120]);
  assert.equal(at.get('root').y, 70);
  assert.equal(at.get('root').x, 60);
  assert.equal(at.get('a').x, 120 + 50 + 50);
});

test('subtrees never overlap: a deep branch pushes the next sibling down', () => {
  const tree = {
    id: 'root', w: 100, h: 40,
    children: [{ id: 'x', w: 100, h: 40, children: [leaf('x1'), leaf('x2'), leaf('x3')] }, leaf('y')],
  };
  const at = layoutTree(tree, { rowGap: 10 });
  assert.equal(at.get('x').y, at.get('x2').y);
  assert.ok(at.get('y').y - 20 >= at.get('x3').y + 20 + 10, 'y starts below the last of x');
  const ys = [...at.values()].filter((p) => p.x === at.get('x1').x).map((p) => p.y);
  assert.deepEqual(ys, [...ys].sort((a, b) => a - b));
});

test('a parent taller than its only child does not overlap the sibling below', () => {
  const tree = { id: 'root', w: 100, h: 40, children: [{ id: 'tall', w: 100, h: 120, children: [leaf('t1', 20)] }, leaf('next')] };
  const at = layoutTree(tree, { rowGap: 10 });
  assert.ok(at.get('next').y - 20 >= at.get('tall').y + 60 + 10);
});

test('labels are clipped by width, a CJK character counting about twice a Latin one', () => {
  assert.equal(clip('市场推广人员', 13), '市场推广人员');
  assert.equal(clip('人力资源与行政管理中心综合事务部', 8), '人力资源与行政管…');
  assert.equal(clip('Accounts Payable Clerk', 13), 'Accounts Payable Clerk');
  assert.equal(clip('Chief Executive Officer of the Group', 13), 'Chief Executive Officer…');
  assert.equal(clip(null), '');
});

const unit = (id) => ({ id, w: 210, h: 46, children: [] });
const overlaps = (at, items) => {
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      const a = at.get(items[i].id);
      const b = at.get(items[j].id);
      if (Math.abs(a.x - b.x) < (items[i].w + items[j].w) / 2 && Math.abs(a.y - b.y) < (items[i].h + items[j].h) / 2) return [items[i].id, items[j].id];
    }
  }
  return null;
};

test('146 flat units are packed into one grid about as wide as the screen, not one column 8,000 px tall', () => {
  const children = Array.from({ length: 146 }, (_, i) => unit('u' + i));
  const root = { id: 'root', w: 210, h: 46, children };
  const at = layoutTree(root, { aspect: 1.6 });
  assert.equal(at.frames.length, 1);
  const [frame] = at.frames;
  assert.equal(frame.members.length, 146);
  assert.equal(frame.parent, 'root');
  assert.ok(frame.w / frame.h > 1 && frame.w / frame.h < 2.5, `grid ${frame.w} × ${frame.h}`);
  assert.equal(overlaps(at, children), null);
  for (const child of children) {
    const p = at.get(child.id);
    assert.ok(p.x - 105 >= frame.x - frame.w / 2 && p.x + 105 <= frame.x + frame.w / 2, `${child.id} inside its frame`);
    assert.ok(p.y - 23 >= frame.y - frame.h / 2 && p.y + 23 <= frame.y + frame.h / 2);
    assert.ok(p.x > at.get('root').x + 105, `${child.id} right of its parent`);
  }
  // the parent sits level with the top of a block this tall, where the tree starts
  assert.ok(at.get('root').y <= frame.y - frame.h / 2 + 46, `root at ${at.get('root').y}, grid from ${frame.y - frame.h / 2}`);
});

test('a short list of children is not packed, and a solo child (a unit\'s head) is never packed', () => {
  const few = layoutTree({ id: 'root', w: 210, h: 46, children: Array.from({ length: 5 }, (_, i) => unit('u' + i)) });
  assert.equal(few.frames.length, 0);
  const head = { ...unit('head'), solo: true };
  const many = [head, ...Array.from({ length: 30 }, (_, i) => unit('p' + i))];
  const at = layoutTree({ id: 'root', w: 210, h: 46, children: many });
  assert.equal(at.frames.length, 1);
  assert.ok(!at.frames[0].members.includes('head'));
  assert.equal(at.frames[0].members.length, 30);
  assert.equal(overlaps(at, many), null);
  assert.ok(at.get('head').y < at.frames[0].y - at.frames[0].h / 2, 'the head comes first, above the grid');
});

test('an open subtree between two runs of leaves keeps its place and nothing overlaps', () => {
  const open = { id: 'open', w: 210, h: 46, children: Array.from({ length: 20 }, (_, i) => unit('o' + i)) };
  const children = [...Array.from({ length: 14 }, (_, i) => unit('a' + i)), open, ...Array.from({ length: 14 }, (_, i) => unit('b' + i))];
  const at = layoutTree({ id: 'root', w: 210, h: 46, children });
  assert.equal(at.frames.length, 3);
  const everything = [...children, ...open.children];
  assert.equal(overlaps(at, everything), null);
  const frameOf = (id) => at.frames.find((f) => f.members.includes(id));
  assert.ok(frameOf('a0').y < at.get('open').y && at.get('open').y < frameOf('b0').y, 'order kept top to bottom');
  assert.equal(frameOf('o0').parent, 'open');
});
