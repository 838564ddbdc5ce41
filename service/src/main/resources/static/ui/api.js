// The page's only way to the server: POST /graphql with the caller's bearer token, if any.
// Security is the API's job; the page just sends the token it was given and asks for one on 401.
// Every request asks in the page's language (Accept-Language), so the API's explanations come
// back in the language the page shows, and big questions are split to fit the server's limits.

import { language } from './i18n.js';

const TOKEN_KEY = 'orgraph.token';

/** Error codes (extensions.code) that mean "your role may not see this", not "something broke". */
export const DENIED_CODES = new Set(['FORBIDDEN', 'UNAUTHORIZED', 'UNAUTHENTICATED', 'ACCESS_DENIED']);

export class GraphQlError extends Error {
  constructor(message, codes, status) {
    super(message);
    this.codes = codes;
    this.status = status;
  }
  get denied() {
    return this.status === 401 || this.status === 403 || this.codes.some((c) => DENIED_CODES.has(c));
  }
}

export function storedToken() {
  try {
    return sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

export function storeToken(token) {
  // the tab's session only: a bearer token must not outlive the tab on a shared machine
  if (token) sessionStorage.setItem(TOKEN_KEY, token);
  else sessionStorage.removeItem(TOKEN_KEY);
}

export function authHeaders() {
  const token = storedToken();
  return token ? { authorization: 'Bearer ' + token } : {};
}

let askForToken = null;

/** Registers the dialog that asks for a token; it resolves true when the user gave one. */
export function onTokenNeeded(fn) {
  askForToken = fn;
}

/**
 * Runs a GraphQL document and returns its data. Field errors that leave some data are returned
 * alongside it (`errors`); a response without data throws a GraphQlError carrying the codes.
 */
export async function gqlWithErrors(query, variables = {}) {
  for (let attempt = 0; ; attempt++) {
    const response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', 'accept-language': acceptLanguage(), ...authHeaders() },
      body: JSON.stringify({ query, variables }),
    });
    if ((response.status === 401 || response.status === 403) && askForToken && attempt < 3) {
      if (await askForToken(response.status)) continue;
      throw new GraphQlError('not signed in', ['UNAUTHENTICATED'], response.status);
    }
    let body;
    try {
      body = await response.json();
    } catch {
      throw new GraphQlError(`HTTP ${response.status}`, [], response.status);
    }
    const errors = body.errors ?? [];
    const codes = errors.map((e) => e.extensions?.code ?? e.extensions?.classification ?? '').filter(Boolean);
    if (!body.data || Object.values(body.data).every((v) => v === null) && errors.length) {
      throw new GraphQlError(errors.map((e) => e.message).join('; ') || `HTTP ${response.status}`, codes, response.status);
    }
    return { data: body.data, errors };
  }
}

/** The page's language as an Accept-Language header: the API answers its explanations in it. */
export function acceptLanguage() {
  return language() === 'zh' ? 'zh-CN,zh;q=0.9' : 'en';
}

export async function gql(query, variables = {}) {
  return (await gqlWithErrors(query, variables)).data;
}

let schemaInfo = null;

/**
 * What this server's schema offers: the analytics fields land one by one, so the page asks
 * instead of assuming, and hides what is not there.
 */
export async function schema() {
  if (!schemaInfo) {
    // one `fields` selection only: graphql-java refuses introspection that repeats it
    schemaInfo = gql(`{ __schema { queryType { name } types { name fields { name args { name }
      type { name ofType { name ofType { name ofType { name } } } } } } } }`).then((data) => {
      const named = (type) => (type ? type.name ?? named(type.ofType) : null);
      const all = data.__schema.types.filter((t) => t.fields);
      const types = new Map(all.map((t) => [t.name, new Map(t.fields.map((f) => [f.name, named(f.type)]))]));
      const queryType = all.find((t) => t.name === data.__schema.queryType.name);
      const query = new Map(queryType.fields.map((f) => [f.name, new Set(f.args.map((a) => a.name))]));
      return {
        has: (field) => query.has(field),
        hasArg: (field, arg) => query.get(field)?.has(arg) ?? false,
        typeHas: (type, field) => types.get(type)?.has(field) ?? false,
        /** The type a query field answers with, unwrapped from lists and non-null (null: unknown). */
        returns: (field) => types.get(queryType.name)?.get(field) ?? null,
      };
    }).catch((e) => {
      // Introspection is off outside the dev profile. The page ships with this server, so
      // every field it knows is there: carry on without the check.
      if (e && /introspection|__schema/i.test(String(e.message ?? e))) {
        return { has: () => true, hasArg: () => true, typeHas: () => true, returns: () => null };
      }
      schemaInfo = null;
      throw e;
    });
  }
  return schemaInfo;
}

/** What the page assumes of a server that does not publish its limits (the service's defaults). */
const DEFAULT_LIMITS = { maxAliases: 30, maxRootFields: 10, maxComplexity: 10000, maxPageSize: 500 };
let limitsInfo = null;

/** The server's published limits on one request (`graphqlLimits`), read once. */
export async function limits() {
  if (!limitsInfo) {
    limitsInfo = schema().then(async (s) => {
      if (!s.has('graphqlLimits')) return DEFAULT_LIMITS;
      const data = await gql('query Limits { graphqlLimits { maxAliases maxRootFields maxComplexity maxPageSize } }');
      return { ...DEFAULT_LIMITS, ...data.graphqlLimits };
    }).catch((e) => {
      limitsInfo = null;
      throw e;
    });
  }
  return limitsInfo;
}

/** Codes (and a 413) that say a request asked for too much at once, not that it was wrong. */
const TOO_BIG = new Set(['TOO_MANY_ALIASES', 'QUERY_TOO_COMPLEX', 'TOO_MANY_ROOT_FIELDS', 'REQUEST_TOO_LARGE']);

/**
 * Runs `run(batch)` over `items` in batches that respect the server's limits: at most
 * `maxAliases` aliased fields (`aliasesPerItem` each), at most `maxRootFields` when every
 * item is a root field of its own, and no more than `maxComplexity` allows for items that each
 * weigh about `weight`. Should the server still find a batch too big (its weight
 * depends on the data asked for), the batch is split in two and tried again. Resolves to the
 * batches' results in order.
 */
export async function batched(items, run, { aliasesPerItem = 1, rootFields = false, weight = 0 } = {}) {
  const limit = await limits();
  let size = Math.max(1, Math.floor(limit.maxAliases / aliasesPerItem));
  if (rootFields) size = Math.min(size, limit.maxRootFields);
  if (weight > 0) size = Math.max(1, Math.min(size, Math.floor(limit.maxComplexity / weight)));
  const results = [];
  const attempt = async (batch) => {
    try {
      results.push(await run(batch));
    } catch (e) {
      const tooBig = e instanceof GraphQlError && (e.status === 413 || e.codes.some((c) => TOO_BIG.has(c)));
      if (!tooBig || batch.length === 1) throw e;
      const half = Math.ceil(batch.length / 2);
      await attempt(batch.slice(0, half));
      await attempt(batch.slice(half));
    }
  };
  for (let i = 0; i < items.length; i += size) await attempt(items.slice(i, i + size));
  return results;
}
