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
