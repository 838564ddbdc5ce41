package org.orgraph.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

/**
 * (c) the floor: one revision loaded into plain arrays once, and the same questions answered by walking
 * them. No holders' names, no JSON: only what the answer's size and shape need.
 */
final class InMemoryGraph {

    final String[] positionKeys;
    final int[] manager;      // solid line, -1 at a top
    final int[] unitOf;
    final int[] holders;
    final int[] childStart;   // CSR of direct reports
    final int[] children;
    final String[] unitKeys;
    final int[] unitParent;
    final int[] unitChildStart;
    final int[] unitChildren;
    final int[] unitPositionStart;
    final int[] unitPositions;
    final int[] unitPage;     // unit indices in key order
    // duties: holder is a unit (holderUnit >= 0) or a position (holderPosition >= 0)
    final String[] dutyNorm;
    final int[] dutyUnit;
    final int[] dutyPosition;
    final int[] unitDutyCount;
    final int[] positionDutyCount;
    final Map<String, Integer> positionIndex = new HashMap<>();

    InMemoryGraph(Driver driver, String rev) {
        try (var session = driver.session()) {
            List<Record> units = session.run("""
                    MATCH (u:Unit) WHERE u.rev = $rev
                    OPTIONAL MATCH (u)-[:PART_OF]->(parent:Unit)
                    RETURN u.key AS key, parent.key AS parent""", Map.of("rev", rev)).list();
            unitKeys = new String[units.size()];
            Map<String, Integer> unitIndex = new HashMap<>();
            for (int i = 0; i < units.size(); i++) {
                unitKeys[i] = units.get(i).get("key").asString();
                unitIndex.put(unitKeys[i], i);
            }
            unitParent = new int[units.size()];
            for (int i = 0; i < units.size(); i++) {
                Value parent = units.get(i).get("parent");
                unitParent[i] = parent.isNull() ? -1 : unitIndex.get(parent.asString());
            }
            List<Record> positions = session.run("""
                    MATCH (p:Position) WHERE p.rev = $rev
                    MATCH (p)-[:IN]->(u:Unit)
                    RETURN p.key AS key, u.key AS unit,
                           [(p)-[:REPORTS_TO {line: true}]->(m:Position) | m.key][0] AS manager,
                           COUNT { (p)<-[:HOLDS]-(:Person) } AS holders""", Map.of("rev", rev)).list();
            int n = positions.size();
            positionKeys = new String[n];
            unitOf = new int[n];
            holders = new int[n];
            manager = new int[n];
            for (int i = 0; i < n; i++) {
                Record r = positions.get(i);
                positionKeys[i] = r.get("key").asString();
                positionIndex.put(positionKeys[i], i);
                unitOf[i] = unitIndex.get(r.get("unit").asString());
                holders[i] = r.get("holders").asInt();
            }
            for (int i = 0; i < n; i++) {
                Value m = positions.get(i).get("manager");
                manager[i] = m.isNull() ? -1 : positionIndex.get(m.asString());
            }
            int[][] csr = csr(manager, n);
            childStart = csr[0];
            children = csr[1];
            int[][] unitCsr = csr(unitParent, unitKeys.length);
            unitChildStart = unitCsr[0];
            unitChildren = unitCsr[1];
            int[][] posCsr = csr(unitOf, unitKeys.length);
            unitPositionStart = posCsr[0];
            unitPositions = posCsr[1];
            Integer[] order = new Integer[unitKeys.length];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> unitKeys[a].compareTo(unitKeys[b]));
            unitPage = Arrays.stream(order).mapToInt(Integer::intValue).toArray();

            List<Record> duties = session.run("""
                    MATCH (d:Duty) WHERE d.rev = $rev
                    RETURN d.norm AS norm,
                           [(u:Unit)-[:OWNS]->(d) | u.key][0] AS unit,
                           [(p:Position)-[:RESPONSIBLE_FOR]->(d) | p.key][0] AS position""", Map.of("rev", rev)).list();
            dutyNorm = new String[duties.size()];
            dutyUnit = new int[duties.size()];
            dutyPosition = new int[duties.size()];
            unitDutyCount = new int[unitKeys.length];
            positionDutyCount = new int[n];
            for (int i = 0; i < duties.size(); i++) {
                Record r = duties.get(i);
                dutyNorm[i] = r.get("norm").asString();
                Value u = r.get("unit");
                Value p = r.get("position");
                dutyUnit[i] = u.isNull() ? -1 : unitIndex.get(u.asString());
                dutyPosition[i] = p.isNull() ? -1 : positionIndex.get(p.asString());
                if (dutyUnit[i] >= 0) {
                    unitDutyCount[dutyUnit[i]]++;
                }
                if (dutyPosition[i] >= 0) {
                    positionDutyCount[dutyPosition[i]]++;
                }
            }
        }
    }

    private static int[][] csr(int[] parent, int parents) {
        int[] start = new int[parents + 1];
        for (int p : parent) {
            if (p >= 0) {
                start[p + 1]++;
            }
        }
        for (int i = 0; i < parents; i++) {
            start[i + 1] += start[i];
        }
        int[] fill = Arrays.copyOf(start, parents);
        int[] items = new int[start[parents]];
        for (int i = 0; i < parent.length; i++) {
            if (parent[i] >= 0) {
                items[fill[parent[i]]++] = i;
            }
        }
        return new int[][] {start, items};
    }

    /** Links from the post to the top (at most 65 posts, as the service). Answer: the number of links. */
    String chainOfCommand(String key) {
        int p = positionIndex.get(key);
        List<int[]> links = new ArrayList<>();
        for (int depth = 0; p >= 0 && depth <= 64; depth++) {
            links.add(new int[] {p, depth, holders[p] == 0 ? 1 : 0, unitOf[p]});
            p = manager[p];
        }
        return "links=" + links.size();
    }

    /** Posts under a post at any depth. */
    String reportsCount(String key) {
        int start = positionIndex.get(key);
        int[] stack = new int[64 * 64];
        int top = 0;
        int count = 0;
        stack[top++] = start;
        int[] depth = new int[stack.length];
        while (top > 0) {
            int p = stack[--top];
            int d = depth[top];
            for (int i = childStart[p]; i < childStart[p + 1]; i++) {
                count++;
                if (d + 1 < 64) {
                    if (top == stack.length) {
                        stack = Arrays.copyOf(stack, stack.length * 2);
                        depth = Arrays.copyOf(depth, depth.length * 2);
                    }
                    depth[top] = d + 1;
                    stack[top++] = children[i];
                }
            }
        }
        return "n=" + count;
    }

    /** The lowest common superior of two posts (fewest links in all). */
    String commonSuperior(String a, String b) {
        Map<Integer, Integer> up = new HashMap<>();
        int p = positionIndex.get(a);
        for (int d = 0; p >= 0 && d <= 64; d++) {
            up.putIfAbsent(p, d);
            p = manager[p];
        }
        int best = -1;
        int bestLinks = Integer.MAX_VALUE;
        p = positionIndex.get(b);
        for (int d = 0; p >= 0 && d <= 64; d++) {
            Integer da = up.get(p);
            if (da != null && da + d < bestLinks) {
                best = p;
                bestLinks = da + d;
            }
            p = manager[p];
        }
        return "superior=" + (best < 0 ? "null" : positionKeys[best]);
    }

    /** Groups of two or more duties with the same normal form. */
    String exactOverlaps() {
        Map<String, Integer> counts = new HashMap<>(dutyNorm.length * 2);
        for (String norm : dutyNorm) {
            counts.merge(norm, 1, Integer::sum);
        }
        int groups = 0;
        for (int c : counts.values()) {
            if (c > 1) {
                groups++;
            }
        }
        return "overlaps=" + groups;
    }

    /**
     * Duties of a normal form that no filled post carries, directly or as a post of the owning unit.
     * Simpler than the service: the ONLY_CONCURRENT reason is not told apart (so it can count fewer).
     */
    String orphanedDuties() {
        boolean[] unitFilled = new boolean[unitKeys.length];
        for (int p = 0; p < holders.length; p++) {
            if (holders[p] > 0) {
                unitFilled[unitOf[p]] = true;
            }
        }
        Map<String, Boolean> covered = new HashMap<>(dutyNorm.length * 2);
        for (int d = 0; d < dutyNorm.length; d++) {
            boolean c = (dutyPosition[d] >= 0 && holders[dutyPosition[d]] > 0) || (dutyUnit[d] >= 0 && unitFilled[dutyUnit[d]]);
            covered.merge(dutyNorm[d], c, Boolean::logicalOr);
        }
        int orphans = 0;
        for (String norm : dutyNorm) {
            if (!covered.get(norm)) {
                orphans++;
            }
        }
        return "orphans=" + orphans;
    }

    /** The first page of units in key order with depth and subtree figures. */
    String unitMetrics(int first) {
        int rows = 0;
        long checksum = 0;
        int[] stack = new int[unitKeys.length];
        for (int i = 0; i < Math.min(first, unitPage.length); i++) {
            int u = unitPage[i];
            int depth = 0;
            for (int x = unitParent[u]; x >= 0 && depth < 64; x = unitParent[x]) {
                depth++;
            }
            int top = 0;
            stack[top++] = u;
            int units = 0;
            int positions = 0;
            int filled = 0;
            int duties = 0;
            int spanSum = 0;
            while (top > 0) {
                int x = stack[--top];
                units++;
                duties += unitDutyCount[x];
                for (int k = unitPositionStart[x]; k < unitPositionStart[x + 1]; k++) {
                    int p = unitPositions[k];
                    positions++;
                    filled += holders[p] > 0 ? 1 : 0;
                    duties += positionDutyCount[p];
                    spanSum += childStart[p + 1] - childStart[p];
                }
                for (int k = unitChildStart[x]; k < unitChildStart[x + 1]; k++) {
                    stack[top++] = unitChildren[k];
                }
            }
            checksum += depth + units + positions + filled + duties + spanSum;
            rows++;
        }
        return "rows=" + rows + (checksum < 0 ? "!" : "");
    }

    int positionCount() {
        return positionKeys.length;
    }
}
