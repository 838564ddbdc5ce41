package org.orgraph.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * (e) the relational peer: Debian's PostgreSQL in a throw-away cluster (initdb in a temporary directory, a free
 * loopback port, its unix socket in that directory), the generated organisation loaded with COPY, the indexes a
 * DBA would add, ANALYZE, then the questions as recursive CTEs over prepared statements.
 *
 * <p>PostgreSQL refuses to run as root: when the harness is root, initdb and pg_ctl run as the {@code postgres}
 * user (created by the Debian package) through {@code runuser}. The cluster runs with {@code fsync=off},
 * {@code synchronous_commit=off} and {@code full_page_writes=off}, which only speeds up the load (nothing here
 * must survive a crash), and {@code jit=off}, which is what one sets for short queries.
 */
final class PostgresPeer implements AutoCloseable {

    /** PostgreSQL cannot be used here; the reason goes into the results file. */
    static final class Unavailable extends Exception {
        Unavailable(String reason) {
            super(reason);
        }
    }

    private final Path bin;
    private final Path dir;
    private final boolean asPostgresUser;
    private final Path logCopy;
    private Connection connection;
    /** Stops the cluster if the harness is stopped (Ctrl-C) before it could. */
    private final Thread onExit = new Thread(this::stopAndDelete);
    String version;
    double loadSeconds;

    private PostgresPeer(Path bin, Path dir, boolean asPostgresUser, Path logCopy) {
        this.bin = bin;
        this.dir = dir;
        this.asPostgresUser = asPostgresUser;
        this.logCopy = logCopy;
    }

    /**
     * Starts a fresh cluster and loads the organisation. norms come from the service's store (the duty
     * normal form is the service's; the generator does not compute it).
     */
    static PostgresPeer start(Path binOption, Path work, OrgGenerator g, Driver neo4j, String rev) throws Exception {
        Path bin = binOption != null ? binOption : findBin();
        if (bin == null || !Files.isExecutable(bin.resolve("pg_ctl")) || !Files.isExecutable(bin.resolve("initdb"))) {
            throw new Unavailable("PostgreSQL server binaries (initdb, pg_ctl) not found "
                    + (binOption != null ? "in " + binOption + " (--pg-bin)" : "in /usr/lib/postgresql/*/bin or on PATH")
                    + " (Debian: apt-get install postgresql)");
        }
        boolean root = "root".equals(System.getProperty("user.name"));
        Path dir = Files.createTempDirectory("orgraph-bench-pg-");
        if (root) {
            UserPrincipalLookupService users = dir.getFileSystem().getUserPrincipalLookupService();
            UserPrincipal postgres;
            GroupPrincipal group;
            try {
                postgres = users.lookupPrincipalByName("postgres");
                group = users.lookupPrincipalByGroupName("postgres");
            } catch (IOException e) {
                Bench.deleteTree(dir);
                throw new Unavailable("running as root and there is no postgres user to run PostgreSQL as (the Debian package creates it)");
            }
            PosixFileAttributeView view = Files.getFileAttributeView(dir, PosixFileAttributeView.class);
            view.setOwner(postgres);
            view.setGroup(group);
        }
        PostgresPeer peer = new PostgresPeer(bin, dir, root, work.resolve("postgres.log"));
        Runtime.getRuntime().addShutdownHook(peer.onExit);
        try {
            // "postgres (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)"
            peer.version = run(bin, root, dir, List.of(bin.resolve("postgres").toString(), "--version")).trim()
                    .replaceFirst("^postgres \\(PostgreSQL\\) ", "PostgreSQL ");
            int port = Bench.freePort();
            run(bin, root, dir, List.of(bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-U", "postgres",
                    "--auth=trust", "--encoding=UTF8", "--locale=C", "--no-sync"));
            run(bin, root, dir, List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(),
                    "-l", dir.resolve("postgres.log").toString(), "-w", "-t", "120", "-o",
                    "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off"
                            + " -c full_page_writes=off -c jit=off -c shared_buffers=256MB -c work_mem=64MB",
                    "start"));
            peer.connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", "");
            long t = System.nanoTime();
            peer.load(g, norms(neo4j, rev));
            peer.loadSeconds = Bench.seconds(t);
            return peer;
        } catch (Exception e) {
            peer.close();
            throw e;
        }
    }

    private static Path findBin() throws IOException {
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (var versions = Files.list(debian)) {
                // the newest major version installed
                Path newest = versions.filter(v -> v.getFileName().toString().matches("\\d+") && Files.isExecutable(v.resolve("bin/pg_ctl")))
                        .max(Comparator.comparingInt(v -> Integer.parseInt(v.getFileName().toString()))).orElse(null);
                if (newest != null) {
                    return newest.resolve("bin");
                }
            }
        }
        for (String p : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!p.isEmpty() && Files.isExecutable(Path.of(p, "pg_ctl"))) {
                return Path.of(p, "pg_ctl").toRealPath().getParent();
            }
        }
        return null;
    }

    private static String run(Path bin, boolean asPostgresUser, Path dir, List<String> command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (asPostgresUser) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        Process p = new ProcessBuilder(full).directory(dir.toFile()).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + out.strip());
        }
        return out;
    }

    /** Duty text → normal form, as the service stored it (a function of the text). */
    private static Map<String, String> norms(Driver neo4j, String rev) {
        Map<String, String> norms = new java.util.HashMap<>();
        try (var session = neo4j.session()) {
            for (Record r : session.run("MATCH (d:Duty) WHERE d.rev = $rev RETURN DISTINCT d.text AS text, d.norm AS norm",
                    Map.of("rev", rev)).list()) {
                norms.put(r.get("text").asString(), r.get("norm").asString());
            }
        }
        return norms;
    }

    // ------------------------------------------------------------------------------ schema and load

    private static final String SCHEMA = """
            CREATE TABLE unit (
              id        integer PRIMARY KEY,
              key       text NOT NULL UNIQUE,
              name      text NOT NULL,
              parent_id integer REFERENCES unit
            );
            CREATE TABLE position (
              id         integer PRIMARY KEY,
              key        text NOT NULL UNIQUE,
              title      text NOT NULL,
              unit_id    integer NOT NULL REFERENCES unit,
              manager_id integer REFERENCES position
            );
            CREATE TABLE person (
              id   integer PRIMARY KEY,
              key  text NOT NULL UNIQUE,
              name text NOT NULL
            );
            CREATE TABLE holding (
              person_id   integer NOT NULL REFERENCES person,
              position_id integer NOT NULL REFERENCES position,
              fte         numeric NOT NULL,
              acting      boolean NOT NULL,
              PRIMARY KEY (person_id, position_id)
            );
            CREATE TABLE duty (
              id          integer PRIMARY KEY,
              unit_id     integer REFERENCES unit,
              position_id integer REFERENCES position,
              text        text NOT NULL,
              norm        text NOT NULL
            );
            """;

    /** Foreign-key indexes (every join and every recursive step walks one) and the GROUP BY column. */
    private static final String INDEXES = """
            CREATE INDEX unit_parent ON unit (parent_id);
            CREATE INDEX position_manager ON position (manager_id);
            CREATE INDEX position_unit ON position (unit_id);
            CREATE INDEX holding_position ON holding (position_id);
            CREATE INDEX duty_unit ON duty (unit_id);
            CREATE INDEX duty_position ON duty (position_id);
            CREATE INDEX duty_norm ON duty (norm);
            """;

    private void load(OrgGenerator g, Map<String, String> norms) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(SCHEMA);
        }
        // constraints are checked as rows arrive: parents before children is not needed within one COPY
        copy("COPY unit (id, key, name, parent_id) FROM STDIN (FORMAT csv)", out -> {
            for (int u = 0; u < g.unitCount; u++) {
                out.row(u, OrgGenerator.unitKey(u), g.unitName[u], g.unitParent[u] < 0 ? null : g.unitParent[u]);
            }
        });
        copy("COPY position (id, key, title, unit_id, manager_id) FROM STDIN (FORMAT csv)", out -> {
            for (int p = 0; p < g.positionCount; p++) {
                out.row(p, OrgGenerator.positionKey(p), g.title[p], g.unitOf[p], g.manager[p] < 0 ? null : g.manager[p]);
            }
        });
        copy("COPY person (id, key, name) FROM STDIN (FORMAT csv)", out -> {
            for (int person = 0; person < g.personCount; person++) {
                out.row(person, OrgGenerator.personKey(person), OrgGenerator.personName(person));
            }
        });
        copy("COPY holding (person_id, position_id, fte, acting) FROM STDIN (FORMAT csv)", out -> {
            for (int p = 0; p < g.positionCount; p++) {
                if (g.holder[p] >= 0) {
                    out.row(g.holder[p], p, "1", "f");
                }
                if (g.concurrentHolder[p] >= 0) {
                    out.row(g.concurrentHolder[p], p, "0.5", "t");
                }
            }
        });
        copy("COPY duty (id, unit_id, position_id, text, norm) FROM STDIN (FORMAT csv)", out -> {
            int id = 0;
            for (int u = 0; u < g.unitCount; u++) {
                for (String text : g.unitDuties.get(u)) {
                    out.row(id++, u, null, text, norm(norms, text));
                }
            }
            for (int p = 0; p < g.positionCount; p++) {
                for (String text : g.positionDuties.get(p)) {
                    out.row(id++, null, p, text, norm(norms, text));
                }
            }
        });
        try (Statement s = connection.createStatement()) {
            s.execute(INDEXES);
            s.execute("ANALYZE");
        }
    }

    private static String norm(Map<String, String> norms, String text) {
        String norm = norms.get(text);
        if (norm == null) {
            throw new IllegalStateException("the store has no duty with the text " + text);
        }
        return norm;
    }

    interface Rows {
        void write(CsvOut out) throws SQLException;
    }

    /** Streams CSV rows into one COPY, in 1 MB chunks. */
    private void copy(String sql, Rows rows) throws SQLException {
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
        try {
            CsvOut out = new CsvOut(copy);
            rows.write(out);
            out.flush();
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    static final class CsvOut {
        private final CopyIn copy;
        private final StringBuilder buffer = new StringBuilder(1 << 20);

        CsvOut(CopyIn copy) {
            this.copy = copy;
        }

        void row(Object... values) throws SQLException {
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    buffer.append(',');
                }
                Object v = values[i];
                if (v instanceof String s) {
                    buffer.append('"').append(s.replace("\"", "\"\"")).append('"');
                } else if (v != null) {
                    buffer.append(v);
                }
                // null: an unquoted empty field, which CSV COPY reads as NULL
            }
            buffer.append('\n');
            if (buffer.length() >= (1 << 20)) {
                flush();
            }
        }

        void flush() throws SQLException {
            byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            buffer.setLength(0);
        }
    }

    // ------------------------------------------------------------------------------ the questions

    /** The chain of command with what (a) returns for every link: post, unit, holders, vacancy. */
    static final String CHAIN_OF_COMMAND = """
            WITH RECURSIVE chain (id, depth) AS (
              SELECT id, 0 FROM position WHERE key = ?
              UNION ALL
              SELECT p.manager_id, c.depth + 1
              FROM chain c JOIN position p ON p.id = c.id
              WHERE p.manager_id IS NOT NULL AND c.depth < 64
            )
            SELECT c.depth, p.key, p.title, u.key AS unit_key, u.name AS unit_name,
                   h.keys AS holder_keys, h.names AS holder_names, h.keys IS NULL AS vacant
            FROM chain c
            JOIN position p ON p.id = c.id
            JOIN unit u ON u.id = p.unit_id
            LEFT JOIN LATERAL (
              SELECT array_agg(pe.key ORDER BY pe.key) AS keys, array_agg(pe.name ORDER BY pe.key) AS names
              FROM holding ho JOIN person pe ON pe.id = ho.person_id
              WHERE ho.position_id = p.id
            ) h ON true
            ORDER BY c.depth""";

    /** Posts under a post at any depth up to 64 links (the generated organisation is a tree: no DISTINCT needed). */
    static final String REPORTS_UNDER_COUNT = """
            WITH RECURSIVE under (id, depth) AS (
              SELECT p.id, 1 FROM position m JOIN position p ON p.manager_id = m.id WHERE m.key = ?
              UNION ALL
              SELECT p.id, u.depth + 1
              FROM under u JOIN position p ON p.manager_id = u.id
              WHERE u.depth < 64
            )
            SELECT count(*) FROM under""";

    /** Both posts' chains, joined: the shared post with the fewest links in all, then the fewest on the longer side, then by key. */
    static final String COMMON_SUPERIOR = """
            WITH RECURSIVE
            up_a (id, depth) AS (
              SELECT id, 0 FROM position WHERE key = ?
              UNION ALL
              SELECT p.manager_id, a.depth + 1 FROM up_a a JOIN position p ON p.id = a.id
              WHERE p.manager_id IS NOT NULL AND a.depth < 64
            ),
            up_b (id, depth) AS (
              SELECT id, 0 FROM position WHERE key = ?
              UNION ALL
              SELECT p.manager_id, b.depth + 1 FROM up_b b JOIN position p ON p.id = b.id
              WHERE p.manager_id IS NOT NULL AND b.depth < 64
            )
            SELECT p.key, a.depth AS depth_from_a, b.depth AS depth_from_b
            FROM up_a a JOIN up_b b ON b.id = a.id JOIN position p ON p.id = a.id
            ORDER BY a.depth + b.depth, greatest(a.depth, b.depth), p.key
            LIMIT 1""";

    /** Groups of two or more duties with one normal form. */
    static final String EXACT_OVERLAPS = """
            SELECT count(*) FROM (SELECT norm FROM duty GROUP BY norm HAVING count(*) > 1) AS shared""";

    /**
     * The first page of units in key order, each with its depth and subtree figures (units, posts, filled posts,
     * people, managers and their mean span, unit and post duties): the top unit is on the first page, so this
     * rolls up the whole organisation.
     */
    static final String UNIT_METRICS = """
            WITH RECURSIVE
            page AS (SELECT id, key FROM unit ORDER BY key LIMIT ?),
            subtree (root, id) AS (
              SELECT id, id FROM page
              UNION ALL
              SELECT s.root, u.id FROM subtree s JOIN unit u ON u.parent_id = s.id
            ),
            above (root, id, depth) AS (
              SELECT id, id, 0 FROM page
              UNION ALL
              SELECT a.root, u.parent_id, a.depth + 1 FROM above a JOIN unit u ON u.id = a.id
              WHERE u.parent_id IS NOT NULL AND a.depth < 64
            ),
            post AS (
              SELECT p.id, p.unit_id,
                     EXISTS (SELECT 1 FROM holding h WHERE h.position_id = p.id) AS filled,
                     (SELECT count(*) FROM position r WHERE r.manager_id = p.id) AS span,
                     (SELECT count(*) FROM duty d WHERE d.position_id = p.id) AS duties
              FROM position p
            )
            SELECT pg.key,
                   (SELECT max(a.depth) FROM above a WHERE a.root = pg.id) AS depth,
                   count(DISTINCT s.id) AS subtree_units,
                   count(po.id) AS subtree_positions,
                   count(po.id) FILTER (WHERE po.filled) AS subtree_filled,
                   count(po.id) FILTER (WHERE po.span > 0) AS subtree_managers,
                   avg(po.span) FILTER (WHERE po.span > 0) AS subtree_span_mean,
                   coalesce(sum(po.duties), 0) AS subtree_position_duties,
                   (SELECT count(*) FROM subtree s2 JOIN duty d ON d.unit_id = s2.id WHERE s2.root = pg.id) AS subtree_unit_duties,
                   (SELECT count(DISTINCT h.person_id) FROM subtree s3 JOIN position p3 ON p3.unit_id = s3.id
                      JOIN holding h ON h.position_id = p3.id WHERE s3.root = pg.id) AS subtree_people
            FROM page pg
            JOIN subtree s ON s.root = pg.id
            LEFT JOIN post po ON po.unit_id = s.id
            GROUP BY pg.id, pg.key
            ORDER BY pg.key""";

    PreparedStatement prepare(String sql) throws SQLException {
        return connection.prepareStatement(sql);
    }

    /** Runs a prepared statement and returns how many rows it gave. */
    static int rows(PreparedStatement statement, Object... parameters) throws SQLException {
        bind(statement, parameters);
        int rows = 0;
        try (ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                rows++;
            }
        }
        return rows;
    }

    /** Runs a prepared statement and returns the first column of its first row ("null" when there is none). */
    static String first(PreparedStatement statement, Object... parameters) throws SQLException {
        bind(statement, parameters);
        try (ResultSet rs = statement.executeQuery()) {
            return rs.next() ? String.valueOf(rs.getObject(1)) : "null";
        }
    }

    private static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
    }

    @Override
    public void close() {
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (SQLException e) {
            // the cluster goes anyway
        }
        try {
            Runtime.getRuntime().removeShutdownHook(onExit);
        } catch (IllegalStateException e) {
            return; // shutting down: the hook does it
        }
        stopAndDelete();
    }

    private synchronized void stopAndDelete() {
        if (!Files.exists(dir)) {
            return;
        }
        try {
            if (Files.exists(dir.resolve("data/postmaster.pid"))) {
                run(bin, asPostgresUser, dir, List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "fast", "-w", "stop"));
            }
        } catch (IOException | InterruptedException e) {
            System.err.println("could not stop PostgreSQL: " + e.getMessage());
        }
        try {
            if (Files.exists(dir.resolve("postgres.log"))) {
                Files.copy(dir.resolve("postgres.log"), logCopy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            Bench.deleteTree(dir);
        } catch (IOException e) {
            System.err.println("could not delete " + dir + ": " + e.getMessage());
        }
    }
}
