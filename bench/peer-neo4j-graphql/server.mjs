// (d) of the benchmark: the peer. @neo4j/graphql 7 over the store the Orgraph service runs on, reached over
// the service's Bolt port, served by Apollo Server. Type definitions describe Orgraph's graph model; the
// organisation questions are @cypher fields, as the library's documentation recommends for logic the
// generated queries cannot express. Every statement reads the organisation's current revision only.
//
// usage: node server.mjs --bolt bolt://127.0.0.1:7687 --port 4000
// Prints "ready <url>" on stdout once it answers.

import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { Neo4jGraphQL } from "@neo4j/graphql";
import neo4j from "neo4j-driver";
import { parseArgs } from "node:util";

const { values: args } = parseArgs({
    options: {
        bolt: { type: "string", default: "bolt://127.0.0.1:7687" },
        port: { type: "string", default: "4000" },
    },
});

// The current revision of an organisation, as the service reads it: nodes of a revision carry
// rev = '<org>/<number>' and the organisation node holds the number of its current one.
const CURRENT_REVISION = `
    MATCH (o:Organization {key: $org})
    WITH o.key + '/' + toString(o.currentRevision) AS rev`;

const typeDefs = /* GraphQL */ `
    type Organization @node @mutation(operations: []) {
        key: ID!
        name: String
        currentRevision: Int
    }

    type Unit @node @mutation(operations: []) {
        rev: String!
        key: ID!
        name: String
        parent: [Unit!]! @relationship(type: "PART_OF", direction: OUT)
    }

    type Person @node @mutation(operations: []) {
        rev: String!
        key: ID!
        name: String
    }

    type Position @node @mutation(operations: []) {
        rev: String!
        key: ID!
        title: String
        unit: [Unit!]! @relationship(type: "IN", direction: OUT)
        holders: [Person!]! @relationship(type: "HOLDS", direction: IN)
        reportsTo: [Position!]! @relationship(type: "REPORTS_TO", direction: OUT)
    }

    type Query {
        "The post and every post above it on solid lines, from the post (first) to the top (last); at most 64 links."
        chainOfCommand(org: ID!, position: ID!): [Position!]!
            @cypher(
                statement: """
                ${CURRENT_REVISION}
                MATCH (start:Position {rev: rev, key: $position})
                MATCH path = (start)-[:REPORTS_TO*0..64 {line: true}]->(top:Position)
                WHERE NOT EXISTS { (top)-[:REPORTS_TO {line: true}]->(:Position) }
                UNWIND nodes(path) AS link
                RETURN link
                """
                columnName: "link"
            )

        "How many posts are under a post on solid lines, at any depth up to 64 links."
        reportsUnderCount(org: ID!, position: ID!): Int!
            @cypher(
                statement: """
                ${CURRENT_REVISION}
                MATCH (m:Position {rev: rev, key: $position})
                OPTIONAL MATCH (m)<-[:REPORTS_TO*1..64 {line: true}]-(p:Position)
                RETURN count(DISTINCT p) AS n
                """
                columnName: "n"
            )

        "The lowest post both a and b report to on solid lines (a post reaches itself), each chain walked once to its top."
        commonSuperior(org: ID!, a: ID!, b: ID!): Position
            @cypher(
                statement: """
                ${CURRENT_REVISION}
                MATCH (a:Position {rev: rev, key: $a})
                MATCH (b:Position {rev: rev, key: $b})
                MATCH pa = (a)-[:REPORTS_TO*0..64 {line: true}]->(topA:Position)
                WHERE NOT EXISTS { (topA)-[:REPORTS_TO {line: true}]->(:Position) }
                MATCH pb = (b)-[:REPORTS_TO*0..64 {line: true}]->(topB:Position)
                WHERE NOT EXISTS { (topB)-[:REPORTS_TO {line: true}]->(:Position) }
                WITH [s IN nodes(pa) WHERE s IN nodes(pb)] AS shared
                WHERE size(shared) > 0
                RETURN shared[0] AS s
                """
                columnName: "s"
            )

        "Groups of two or more duties of the current revision with the same normal form."
        exactOverlapCount(org: ID!): Int!
            @cypher(
                statement: """
                ${CURRENT_REVISION}
                MATCH (d:Duty) WHERE d.rev = rev
                WITH d.norm AS norm, count(*) AS duties WHERE duties > 1
                RETURN count(*) AS overlaps
                """
                columnName: "overlaps"
            )
    }
`;

// the service's embedded Bolt requires a password; the bench hands it over in the environment
const auth = process.env.NEO4J_PASSWORD ? neo4j.auth.basic("neo4j", process.env.NEO4J_PASSWORD) : neo4j.auth.none();
const driver = neo4j.driver(args.bolt, auth, { disableLosslessIntegers: true });
const neoSchema = new Neo4jGraphQL({ typeDefs, driver });
const server = new ApolloServer({ schema: await neoSchema.getSchema() });
const { url } = await startStandaloneServer(server, {
    listen: { host: "127.0.0.1", port: Number(args.port) },
});
console.log(`ready ${url}`);

async function stop() {
    await server.stop();
    await driver.close();
    process.exit(0);
}
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
