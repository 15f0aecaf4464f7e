// Talks to Rapport's public GraphQL API, like any other client: HTTP for queries and mutations,
// graphql-transport-ws over WebSocket for subscriptions.

const TOKEN_KEY = 'rapport.token';

// sessionStorage: the token lives as long as this tab, is readable by this origin only, and signing out removes it.
export const session = {
  get token() { return sessionStorage.getItem(TOKEN_KEY); },
  start(token) { sessionStorage.setItem(TOKEN_KEY, token); },
  end() { sessionStorage.removeItem(TOKEN_KEY); },
};

let whenSignedOut = () => {};
export function onSessionEnded(callback) { whenSignedOut = callback; }

/** A refusal from the API: its messages, each possibly naming the input field at fault. */
export class ApiError extends Error {
  constructor(errors) {
    super(errors.map((e) => e.message).join(' '));
    this.errors = errors;
  }

  /** The message for one input field (the API names it as `input.givenName` or `givenName`). */
  forField(name) {
    const error = this.errors.find((e) => fieldOf(e) === name);
    return error ? error.message : null;
  }

  /** Messages that name no field this form shows. */
  general(shownFields = []) {
    return this.errors.filter((e) => !shownFields.includes(fieldOf(e))).map((e) => e.message);
  }

  get classification() { return this.errors[0]?.extensions?.classification; }
}

function fieldOf(error) {
  const field = error.extensions?.field;
  return field ? String(field).split('.').pop() : null;
}

export async function gql(query, variables = {}) {
  const headers = { 'Content-Type': 'application/json', Accept: 'application/graphql-response+json, application/json' };
  const token = session.token;
  if (token) headers.Authorization = `Bearer ${token}`;
  let response;
  try {
    response = await fetch('/graphql', { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  } catch {
    throw new ApiError([{ message: 'Rapport cannot be reached. Check your connection and try again.' }]);
  }
  const body = await response.json().catch(() => null);
  if (!body) throw new ApiError([{ message: `Rapport answered HTTP ${response.status}; try again in a moment.` }]);
  if (body.errors?.length) {
    if (token && body.errors.some((e) => e.extensions?.classification === 'UNAUTHORIZED')) {
      session.end();
      whenSignedOut('Your sign-in has ended. Please sign in again.');
    }
    throw new ApiError(body.errors);
  }
  return body.data;
}

/** Uploads a file to a plugin's endpoint, signed in; answers the JSON the plugin sent. */
export async function upload(path, file) {
  const form = new FormData();
  form.append('file', file);
  const response = await fetch(path, { method: 'POST', headers: { Authorization: `Bearer ${session.token}` }, body: form });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    throw new ApiError([{ message: body.message || body.error || `The upload was refused (HTTP ${response.status}).`, extensions: { field: 'file' } }]);
  }
  return body;
}

/**
 * Follows a subscription until `stop()` is called or the server completes it; reconnects with back-off when
 * the connection drops, and calls `onReconnect` so the caller can reload what it may have missed.
 */
export function subscribe(query, variables, onNext, { onReconnect = () => {} } = {}) {
  const url = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`;
  let socket;
  let stopped = false;
  let failures = 0;
  let timer;
  const open = () => {
    socket = new WebSocket(url, 'graphql-transport-ws');
    socket.onopen = () => socket.send(JSON.stringify({ type: 'connection_init', payload: { Authorization: `Bearer ${session.token}` } }));
    socket.onmessage = (message) => {
      const msg = JSON.parse(message.data);
      if (msg.type === 'connection_ack') {
        if (failures > 0) onReconnect();
        failures = 0;
        socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query, variables } }));
      } else if (msg.type === 'next' && msg.payload?.data) {
        onNext(msg.payload.data);
      } else if (msg.type === 'ping') {
        socket.send(JSON.stringify({ type: 'pong' }));
      } else if (msg.type === 'complete') {
        stopped = true;
        socket.close();
      }
    };
    socket.onclose = () => {
      if (stopped || !session.token) return;
      failures += 1;
      timer = setTimeout(open, Math.min(30000, 500 * 2 ** failures));
    };
  };
  open();
  return () => {
    stopped = true;
    clearTimeout(timer);
    socket?.close();
  };
}
