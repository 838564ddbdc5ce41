package org.orgraph.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A deterministic synthetic organisation: the same seed and size give the same document, byte for byte.
 *
 * <p>Shape: a solid-line reporting tree grown level by level towards a target depth (8 at 1k up to 14
 * at 1M people, never more than 15), spans mostly 3–10 with a few 1–2 and a long tail up to 60; the
 * managers in the top levels (6 at 1k up to 9 at 1M) head units, so the unit tree follows the reporting
 * tree; every other post is in the unit of its nearest unit-heading superior. About 5% of seats are
 * vacant and about 2% of posts are held concurrently by the holder of another post (兼任). Each post
 * has 3–8 duties, each unit 1–3; texts are Chinese or English (per unit) built from a vocabulary,
 * with a controlled share of exact duplicates (copied text, sometimes with a leading 负责 / "Responsible
 * for" that normalisation folds away) and near duplicates (one phrase changed).
 */
final class OrgGenerator {

    static final double VACANT_SHARE = 0.05;
    static final double CONCURRENT_SHARE = 0.02;
    static final double EXACT_DUPLICATE_SHARE = 0.06;
    static final double NEAR_DUPLICATE_SHARE = 0.04;

    final String key;
    final int people;
    // positions
    int positionCount;
    int[] manager;          // -1 for the top
    int[] level;
    int[] unitOf;
    int[] holder;           // person index or -1 (vacant)
    int[] concurrentHolder; // person holding this post as a second post, or -1
    String[] title;
    List<List<String>> positionDuties = new ArrayList<>();
    // units
    int unitCount;
    int[] unitHead;
    int[] unitParent;
    String[] unitName;
    boolean[] unitChinese;
    List<List<String>> unitDuties = new ArrayList<>();
    // people
    int personCount;
    // duty text statistics
    int dutyCount;
    int exactDuplicates;
    int nearDuplicates;
    int maxReportingDepth;
    int maxUnitDepth;
    int vacantPositions;
    int concurrentHoldings;
    int maxSpan;

    private OrgGenerator(String key, int people) {
        this.key = key;
        this.people = people;
    }

    static OrgGenerator generate(String key, int people, long seed) {
        OrgGenerator g = new OrgGenerator(key, people);
        g.build(new SplittableRandom(seed));
        return g;
    }

    private void build(SplittableRandom random) {
        // seats: people fill (1 - vacant - concurrent) of the posts themselves
        int positions = (int) Math.round(people / (1.0 - VACANT_SHARE - CONCURRENT_SHARE));
        int log10 = (int) Math.round(Math.log10(Math.max(people, 10)));
        int targetDepth = Math.min(15, 2 + 2 * log10);           // 1k: 8, 10k: 10, 100k: 12, 1M: 14
        int unitLevels = Math.min(10, Math.max(6, 3 + log10));   // 1k: 6, 10k: 7, 100k: 8, 1M: 9
        double meanSpan = 7.0;
        double growth = Math.pow(positions, 1.0 / (targetDepth - 0.5));
        double managerShare = Math.min(1.0, growth / meanSpan);

        manager = new int[positions];
        level = new int[positions];
        int[] spanOf = new int[positions];
        manager[0] = -1;
        int count = 1;
        int frontierStart = 0;
        int frontierEnd = 1;
        int depth = 0;
        while (count < positions) {
            boolean last = depth >= 15;
            for (int m = frontierStart; m < frontierEnd && count < positions; m++) {
                // below the target depth everybody left may manage, so the tree always reaches its size
                double share = depth + 1 >= targetDepth ? 1.0 : (m == 0 ? 1.0 : managerShare);
                if (!last && random.nextDouble() >= share) {
                    continue;
                }
                int span = span(random);
                for (int s = 0; s < span && count < positions; s++) {
                    manager[count] = m;
                    level[count] = depth + 1;
                    spanOf[m]++;
                    count++;
                }
            }
            if (frontierEnd == count) {
                break; // cannot happen with share 1 on the last levels; a guard against an endless loop
            }
            frontierStart = frontierEnd;
            frontierEnd = count;
            depth++;
        }
        positionCount = count;
        for (int p = 0; p < positionCount; p++) {
            maxReportingDepth = Math.max(maxReportingDepth, level[p]);
            maxSpan = Math.max(maxSpan, spanOf[p]);
        }

        // units: a manager with a span of 3 or more and 8 or more posts below heads a unit of its own when
        // those posts are at most two thirds of the unit it is in (a deputy over nearly everything stays in the
        // top unit) and the unit tree is shallower than its target; the rest are in their manager's unit. So
        // units come in every size down to teams, as in real organisations, not only a few departments

        int[] below = new int[positionCount];
        for (int p = positionCount - 1; p > 0; p--) {
            below[manager[p]] += below[p] + 1; // a post's reports always come after it
        }
        unitOf = new int[positionCount];
        List<Integer> heads = new ArrayList<>();
        List<Integer> parents = new ArrayList<>();
        List<Integer> depths = new ArrayList<>();
        for (int p = 0; p < positionCount; p++) {
            int unitDepth = p == 0 ? 0 : depths.get(unitOf[manager[p]]) + 1;
            int parentUnitSize = p == 0 ? positionCount : below[heads.get(unitOf[manager[p]])];
            boolean heads_ = p == 0 || (spanOf[p] >= 3 && below[p] >= 8 && 3 * below[p] <= 2 * parentUnitSize && unitDepth < unitLevels);
            if (heads_) {
                depths.add(p == 0 ? 0 : depths.get(unitOf[manager[p]]) + 1);
                unitOf[p] = heads.size();
                parents.add(p == 0 ? -1 : unitOf[manager[p]]);
                heads.add(p);
            } else {
                unitOf[p] = unitOf[manager[p]];
            }
        }
        unitCount = heads.size();
        unitHead = heads.stream().mapToInt(Integer::intValue).toArray();
        unitParent = parents.stream().mapToInt(Integer::intValue).toArray();
        unitName = new String[unitCount];
        unitChinese = new boolean[unitCount];
        int[] unitDepth = new int[unitCount];
        for (int u = 0; u < unitCount; u++) {
            unitDepth[u] = unitParent[u] < 0 ? 0 : unitDepth[unitParent[u]] + 1;
            maxUnitDepth = Math.max(maxUnitDepth, unitDepth[u]);
            unitChinese[u] = unitParent[u] < 0 ? true : (unitDepth[u] == 1 ? random.nextDouble() < 0.6 : unitChinese[unitParent[u]]);
            unitName[u] = unitChinese[u]
                    ? pick(random, Vocabulary.ZH_UNIT_PREFIX) + pick(random, Vocabulary.ZH_UNIT_KIND) + (u + 1) + Vocabulary.ZH_UNIT_SUFFIX[Math.min(unitDepth[u], Vocabulary.ZH_UNIT_SUFFIX.length - 1)]
                    : pick(random, Vocabulary.EN_UNIT_PREFIX) + " " + pick(random, Vocabulary.EN_UNIT_KIND) + " " + (u + 1);
        }

        // holders: 5% vacant, 2% held concurrently by the holder of another post
        holder = new int[positionCount];
        concurrentHolder = new int[positionCount];
        Arrays.fill(concurrentHolder, -1);
        int person = 0;
        int[] order = new int[positionCount];
        for (int p = 0; p < positionCount; p++) {
            double r = random.nextDouble();
            if (p == 0 || r >= VACANT_SHARE + CONCURRENT_SHARE || person == 0) {
                holder[p] = person++;
            } else if (r < VACANT_SHARE) {
                holder[p] = -1;
                vacantPositions++;
            } else {
                holder[p] = -2; // filled below by a concurrent holder
            }
        }
        for (int p = 0; p < positionCount; p++) {
            if (holder[p] == -2) {
                // 兼任 is usually a manager or a colleague nearby: take the manager's holder when there is one
                int m = manager[p];
                int candidate = m >= 0 && holder[m] >= 0 ? holder[m] : holder[0];
                holder[p] = -1;
                concurrentHolder[p] = candidate;
                concurrentHoldings++;
            }
        }
        personCount = person;

        title = new String[positionCount];
        for (int p = 0; p < positionCount; p++) {
            boolean zh = unitChinese[unitOf[p]];
            boolean head = unitHead[unitOf[p]] == p;
            title[p] = zh
                    ? (head ? unitName[unitOf[p]] + "负责人" : pick(random, Vocabulary.ZH_TITLE))
                    : (head ? "Head of " + unitName[unitOf[p]] : pick(random, Vocabulary.EN_TITLE));
        }

        // duties
        List<String> pool = new ArrayList<>();
        for (int u = 0; u < unitCount; u++) {
            int n = 1 + random.nextInt(3);
            List<String> duties = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                duties.add(duty(random, unitChinese[u], unitName[u], pool));
            }
            unitDuties.add(duties);
        }
        for (int p = 0; p < positionCount; p++) {
            int n = 3 + random.nextInt(6);
            List<String> duties = new ArrayList<>(n);
            int u = unitOf[p];
            for (int i = 0; i < n; i++) {
                duties.add(duty(random, unitChinese[u], unitName[u] + (unitChinese[u] ? title[p] : " " + title[p]), pool));
            }
            positionDuties.add(duties);
        }
    }

    private static int span(SplittableRandom random) {
        double r = random.nextDouble();
        if (r < 0.80) {
            return 3 + random.nextInt(8);            // 3–10
        } else if (r < 0.90) {
            return 1 + random.nextInt(2);            // 1–2
        }
        // long tail: 11–60, heavier near 11
        double x = random.nextDouble();
        return Math.min(60, 11 + (int) (-Math.log(1 - x) * 8));
    }

    private String duty(SplittableRandom random, boolean zh, String scope, List<String> pool) {
        dutyCount++;
        double r = random.nextDouble();
        String text;
        if (!pool.isEmpty() && r < EXACT_DUPLICATE_SHARE) {
            exactDuplicates++;
            String copy = pool.get(random.nextInt(pool.size()));
            // half the copies are written with a leading modal the service's normal form drops
            text = random.nextBoolean() ? copy : (isChinese(copy) ? "负责" + copy : "Responsible for " + copy);
        } else if (!pool.isEmpty() && r < EXACT_DUPLICATE_SHARE + NEAR_DUPLICATE_SHARE) {
            nearDuplicates++;
            String copy = pool.get(random.nextInt(pool.size()));
            text = isChinese(copy)
                    ? copy + "，" + pick(random, Vocabulary.ZH_PURPOSE)
                    : copy + " and " + pick(random, Vocabulary.EN_PURPOSE);
        } else {
            text = zh
                    ? pick(random, Vocabulary.ZH_VERB) + scope + "的" + Vocabulary.zhProject(random) + "项目"
                            + pick(random, Vocabulary.ZH_ASPECT) + pick(random, Vocabulary.ZH_OBJECT) + "，" + pick(random, Vocabulary.ZH_PURPOSE)
                    : pick(random, Vocabulary.EN_VERB) + " the " + pick(random, Vocabulary.EN_ASPECT) + " "
                            + pick(random, Vocabulary.EN_OBJECT) + " of " + scope + " for project " + Vocabulary.enProject(random)
                            + " to " + pick(random, Vocabulary.EN_PURPOSE);
            pool.add(text);
        }
        return text;
    }

    private static boolean isChinese(String s) {
        return !s.isEmpty() && Character.UnicodeScript.of(s.codePointAt(0)) == Character.UnicodeScript.HAN;
    }

    private static String pick(SplittableRandom random, String[] words) {
        return words[random.nextInt(words.length)];
    }

    static String positionKey(int p) {
        return "P" + p;
    }

    static String unitKey(int u) {
        return "U" + u;
    }

    static String personKey(int person) {
        return "E" + person;
    }

    static String personName(int person) {
        return (person % 3 == 0 ? "员工" : "Employee ") + person;
    }

    /** Rows the document describes: units, positions, people and duties (relationships not counted). */
    long entityRows() {
        return (long) unitCount + positionCount + personCount + dutyCount;
    }

    // ---------------------------------------------------------------------------------- output

    void writeJson(Path file) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("{\"key\":" + q(key) + ",\"name\":" + q("Synthetic " + key) + ",\"source\":\"orgraph-bench generator\",\n\"units\":[\n");
            for (int u = 0; u < unitCount; u++) {
                w.write("{\"key\":" + q(unitKey(u)) + ",\"name\":" + q(unitName[u]) + ",\"parent\":"
                        + (unitParent[u] < 0 ? "null" : q(unitKey(unitParent[u])))
                        + ",\"kind\":" + q(unitParent[u] < 0 ? "company" : "department")
                        + ",\"duties\":[");
                List<String> duties = unitDuties.get(u);
                for (int i = 0; i < duties.size(); i++) {
                    w.write((i > 0 ? "," : "") + q(duties.get(i)));
                }
                w.write("]}" + (u + 1 < unitCount ? ",\n" : "\n"));
            }
            w.write("],\n\"positions\":[\n");
            // heads first, as docs/import.md asks, then everybody else (the solid lines are all stated)
            int written = 0;
            for (int pass = 0; pass < 2; pass++) {
                for (int p = 0; p < positionCount; p++) {
                    boolean head = unitHead[unitOf[p]] == p;
                    if (head != (pass == 0)) {
                        continue;
                    }
                    w.write("{\"key\":" + q(positionKey(p)) + ",\"title\":" + q(title[p]) + ",\"unit\":" + q(unitKey(unitOf[p]))
                            + ",\"reportsTo\":" + (manager[p] < 0 ? "null" : q(positionKey(manager[p]))) + ",\"duties\":[");
                    List<String> duties = positionDuties.get(p);
                    for (int i = 0; i < duties.size(); i++) {
                        w.write((i > 0 ? "," : "") + q(duties.get(i)));
                    }
                    w.write("]}" + (++written < positionCount ? ",\n" : "\n"));
                }
            }
            w.write("],\n\"people\":[\n");
            List<List<Integer>> holds = holdings();
            for (int person = 0; person < personCount; person++) {
                w.write("{\"key\":" + q(personKey(person)) + ",\"name\":" + q(personName(person)) + ",\"holds\":[");
                List<Integer> posts = holds.get(person);
                for (int i = 0; i < posts.size(); i++) {
                    int p = posts.get(i);
                    boolean second = concurrentHolder[p] == person;
                    w.write((i > 0 ? "," : "") + "{\"position\":" + q(positionKey(p)) + (second ? ",\"fte\":0.5,\"acting\":true" : "") + "}");
                }
                w.write("]}" + (person + 1 < personCount ? ",\n" : "\n"));
            }
            w.write("]}\n");
        }
    }

    void writeCsvBundle(Path dir) throws IOException {
        Files.createDirectories(dir);
        try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("units.csv"), StandardCharsets.UTF_8)) {
            w.write("key,name,parent,kind\n");
            for (int u = 0; u < unitCount; u++) {
                w.write(c(unitKey(u)) + "," + c(unitName[u]) + "," + (unitParent[u] < 0 ? "" : c(unitKey(unitParent[u]))) + ","
                        + (unitParent[u] < 0 ? "company" : "department") + "\n");
            }
        }
        try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("positions.csv"), StandardCharsets.UTF_8)) {
            w.write("key,title,unit,reports_to,headcount\n");
            for (int pass = 0; pass < 2; pass++) {
                for (int p = 0; p < positionCount; p++) {
                    boolean head = unitHead[unitOf[p]] == p;
                    if (head != (pass == 0)) {
                        continue;
                    }
                    w.write(c(positionKey(p)) + "," + c(title[p]) + "," + c(unitKey(unitOf[p])) + ","
                            + (manager[p] < 0 ? "" : c(positionKey(manager[p]))) + ",1\n");
                }
            }
        }
        try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("people.csv"), StandardCharsets.UTF_8)) {
            w.write("employee_id,name,position_id,fte,acting\n");
            List<List<Integer>> holds = holdings();
            for (int person = 0; person < personCount; person++) {
                for (int p : holds.get(person)) {
                    boolean second = concurrentHolder[p] == person;
                    w.write(c(personKey(person)) + "," + c(personName(person)) + "," + c(positionKey(p)) + ","
                            + (second ? "0.5,yes" : "1,no") + "\n");
                }
            }
        }
        try (BufferedWriter w = Files.newBufferedWriter(dir.resolve("duties.csv"), StandardCharsets.UTF_8)) {
            w.write("holder_kind,holder,text,key\n");
            for (int u = 0; u < unitCount; u++) {
                List<String> duties = unitDuties.get(u);
                for (int i = 0; i < duties.size(); i++) {
                    w.write("unit," + c(unitKey(u)) + "," + c(duties.get(i)) + "," + c("U:" + unitKey(u) + ":" + (i + 1)) + "\n");
                }
            }
            for (int p = 0; p < positionCount; p++) {
                List<String> duties = positionDuties.get(p);
                for (int i = 0; i < duties.size(); i++) {
                    w.write("position," + c(positionKey(p)) + "," + c(duties.get(i)) + "," + c("P:" + positionKey(p) + ":" + (i + 1)) + "\n");
                }
            }
        }
    }

    private List<List<Integer>> holdings() {
        List<List<Integer>> holds = new ArrayList<>(personCount);
        for (int i = 0; i < personCount; i++) {
            holds.add(new ArrayList<>(1));
        }
        for (int p = 0; p < positionCount; p++) {
            if (holder[p] >= 0) {
                holds.get(holder[p]).add(p);
            }
        }
        for (int p = 0; p < positionCount; p++) {
            if (concurrentHolder[p] >= 0) {
                holds.get(concurrentHolder[p]).add(p);
            }
        }
        return holds;
    }

    static String q(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                default -> {
                    if (ch < 0x20) {
                        b.append(String.format("\\u%04x", (int) ch));
                    } else {
                        b.append(ch);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    private static String c(String s) {
        return s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0
                ? '"' + s.replace("\"", "\"\"") + '"'
                : s;
    }
}
