/**
 * Talking to the Admin API from the newsroom pages: same-origin fetch with the session's CSRF token, JSON in and
 * out, and every failure (HTTP error, network error, unreadable reply) turned into one RFC 9457 problem shape.
 */

export interface Problem {
  status: number;
  code?: string;
  title?: string;
  detail: string;
  field?: string;
  [extension: string]: unknown;
}

export type ApiResult<T = unknown> = { ok: true; status: number; data: T } | { ok: false; status: number; problem: Problem };

export interface ApiRequest {
  method?: string;
  /** Sent as `application/json`. */
  json?: unknown;
  /** Sent as `multipart/form-data` (the browser writes the boundary). */
  form?: FormData;
  /** For a request that must outlive the page (pagehide). */
  keepalive?: boolean;
  signal?: AbortSignal;
}

/** The session's CSRF token from `<meta name="csrf-token">`, when the page carries one. */
export function csrfToken(): string | null {
  const meta = document.querySelector<HTMLMetaElement>('meta[name="csrf-token"]');
  return meta?.content || null;
}

export async function api<T = unknown>(url: string, request: ApiRequest = {}): Promise<ApiResult<T>> {
  const method = (request.method ?? 'GET').toUpperCase();
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
  const token = csrfToken();
  if (token) headers['x-csrf-token'] = token;
  let body: BodyInit | undefined;
  if (request.form) {
    body = request.form;
  } else if (request.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(request.json);
  }
  let response: Response;
  try {
    response = await fetch(url, {
      method,
      headers,
      credentials: 'same-origin',
      ...(body !== undefined ? { body } : {}),
      ...(request.keepalive ? { keepalive: true } : {}),
      ...(request.signal ? { signal: request.signal } : {}),
    });
  } catch {
    return { ok: false, status: 0, problem: { status: 0, title: 'Network error', detail: 'Could not reach the server. Check your connection and try again.' } };
  }
  const payload = await readBody(response);
  if (response.ok) return { ok: true, status: response.status, data: payload as T };
  return { ok: false, status: response.status, problem: toProblem(response, payload) };
}

async function readBody(response: Response): Promise<unknown> {
  if (response.status === 204 || response.status === 205) return null;
  const type = response.headers.get('content-type') ?? '';
  const text = await response.text().catch(() => '');
  if (!text) return null;
  if (/json/i.test(type)) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text;
    }
  }
  return text;
}

function toProblem(response: Response, payload: unknown): Problem {
  if (payload && typeof payload === 'object' && !Array.isArray(payload)) {
    const p = payload as Record<string, unknown>;
    const detail = typeof p.detail === 'string' && p.detail ? p.detail : typeof p.title === 'string' && p.title ? p.title : fallbackDetail(response);
    return {
      ...p,
      status: typeof p.status === 'number' ? p.status : response.status,
      detail,
      ...(typeof p.code === 'string' ? { code: p.code } : {}),
      ...(typeof p.title === 'string' ? { title: p.title } : {}),
      ...(typeof p.field === 'string' ? { field: p.field } : {}),
    };
  }
  return { status: response.status, title: response.statusText, detail: fallbackDetail(response) };
}

function fallbackDetail(response: Response): string {
  return `The server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}.`;
}

/** A local time as HH:MM (24-hour), for status lines. */
export function clockTime(iso: string | Date): string {
  const date = typeof iso === 'string' ? new Date(iso) : iso;
  if (Number.isNaN(date.getTime())) return '';
  return `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}`;
}

/** A `datetime-local` value (browser local time) as an ISO instant; '' is null; an unreadable value is returned as-is for the server to refuse. */
export function localInputToIso(value: string): string | null {
  const trimmed = value.trim();
  if (!trimmed) return null;
  const date = new Date(trimmed);
  return Number.isNaN(date.getTime()) ? trimmed : date.toISOString();
}

/** An ISO instant as a `datetime-local` value in browser local time. */
export function isoToLocalInput(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/**
 * `datetime-local` inputs that carry the instant in `data-iso` get their value in the browser's time zone (the
 * server cannot know it). Inputs without `data-iso` keep the value the page gave them.
 */
export function localiseDateInputs(root: ParentNode): void {
  for (const input of root.querySelectorAll<HTMLInputElement>('input[type="datetime-local"][data-iso]')) {
    const iso = input.dataset.iso;
    if (iso) {
      const local = isoToLocalInput(iso);
      if (local) {
        input.value = local;
        input.defaultValue = local;
      }
    } else {
      input.value = '';
      input.defaultValue = '';
    }
  }
}

/** Marks the control(s) named `field` in `root` invalid (aria-invalid) and returns the first, for focusing. */
export function markInvalid(root: ParentNode, field: string | undefined): HTMLElement | null {
  if (!field) return null;
  let first: HTMLElement | null = null;
  for (const element of root.querySelectorAll<HTMLElement>(`[name="${cssEscape(field)}"]`)) {
    element.setAttribute('aria-invalid', 'true');
    first ??= element;
  }
  return first;
}

export function clearInvalid(root: ParentNode): void {
  for (const element of root.querySelectorAll('[aria-invalid="true"]')) element.removeAttribute('aria-invalid');
}

function cssEscape(value: string): string {
  return typeof CSS !== 'undefined' && typeof CSS.escape === 'function' ? CSS.escape(value) : value.replace(/["\\]/g, '\\$&');
}

/** Only http(s) or same-site URLs may become links or redirects built from server data. */
export function safeHref(value: string): string | null {
  try {
    const url = new URL(value, location.href);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
