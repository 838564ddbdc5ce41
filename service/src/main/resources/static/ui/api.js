// The page's only way to the server: POST /graphql with the caller's bearer token, if any.
// Security is the API's job; the page just sends the token it was given and asks for one on 401.

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
      headers: { 'content-type': 'application/json', accept: 'application/json', ...authHeaders() },
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
    schemaInfo = gql(`{ __schema { queryType { name } types { name fields { name args { name } } } } }`).then((data) => {
      const all = data.__schema.types.filter((t) => t.fields);
      const types = new Map(all.map((t) => [t.name, new Set(t.fields.map((f) => f.name))]));
      const queryType = all.find((t) => t.name === data.__schema.queryType.name);
      const query = new Map(queryType.fields.map((f) => [f.name, new Set(f.args.map((a) => a.name))]));
      return {
        has: (field) => query.has(field),
        hasArg: (field, arg) => query.get(field)?.has(arg) ?? false,
        typeHas: (type, field) => types.get(type)?.has(field) ?? false,
      };
    }).catch((e) => {
      // Introspection is off outside the dev profile. The page ships with this server, so
      // every field it knows is there: carry on without the check.
      if (e && /introspection|__schema/i.test(String(e.message ?? e))) {
        return { has: () => true, hasArg: () => true, typeHas: () => true };
      }
      schemaInfo = null;
      throw e;
    });
  }
  return schemaInfo;
}
