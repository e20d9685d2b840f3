/**
 * Forms and buttons that call the Admin API. The page declares the call in data attributes; this module sends it
 * as JSON and shows the outcome:
 *
 *   <form data-api="/api/v1/admin/session" data-method="POST" data-redirect="/admin">…</form>
 *   <button data-api-action="/api/v1/admin/session" data-method="DELETE" data-redirect="/admin/login">Sign out</button>
 *
 * Errors go to the form's `p.form-error` (created when missing) and mark the offending field `aria-invalid`.
 * Success shows a one-time `link` from the reply in `p.form-result`, else follows `data-redirect` (where `{name}`
 * is replaced by that field of the reply, e.g. `/admin/stories/{id}`), else reloads.
 */
import { type Problem, api, clearInvalid, markInvalid, safeHref } from './api.js';

/** Named controls as a JSON object: checkboxes are booleans, `data-json-number` fields numbers, multi-selects arrays. */
export function serializeForm(form: HTMLFormElement): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const element of Array.from(form.elements)) {
    if (!(element instanceof HTMLInputElement || element instanceof HTMLSelectElement || element instanceof HTMLTextAreaElement)) continue;
    const name = element.name;
    if (!name || element.disabled) continue;
    if (element instanceof HTMLInputElement) {
      const type = element.type;
      if (type === 'submit' || type === 'button' || type === 'reset' || type === 'image' || type === 'file') continue;
      if (type === 'checkbox') {
        out[name] = element.checked;
        continue;
      }
      if (type === 'radio') {
        if (element.checked) out[name] = valueOf(element);
        continue;
      }
    }
    if (element instanceof HTMLSelectElement && element.multiple) {
      out[name] = Array.from(element.selectedOptions, (option) => option.value);
      continue;
    }
    out[name] = valueOf(element);
  }
  return nestFields(out);
}

/**
 * Dotted names build lists of objects: `rules.0.section` and `rules.0.keywords` become `rules: [{section, keywords}]`.
 * A row left entirely blank is no row, so a form can offer an empty row for adding one.
 */
export function nestFields(flat: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const lists = new Map<string, Map<number, Record<string, unknown>>>();
  for (const [name, value] of Object.entries(flat)) {
    const match = /^([^.]+)\.(\d+)\.([^.]+)$/.exec(name);
    if (!match) {
      out[name] = value;
      continue;
    }
    const [, list, index, field] = match as unknown as [string, string, string, string];
    const rows = lists.get(list) ?? new Map<number, Record<string, unknown>>();
    lists.set(list, rows);
    const row = rows.get(Number(index)) ?? {};
    rows.set(Number(index), row);
    row[field] = value;
  }
  for (const [list, rows] of lists) {
    out[list] = [...rows.entries()]
      .sort(([a], [b]) => a - b)
      .map(([, row]) => row)
      .filter((row) => Object.values(row).some((v) => v !== '' && v !== null && v !== false));
  }
  return out;
}

function valueOf(element: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement): unknown {
  if (!element.hasAttribute('data-json-number')) return element.value;
  return toNumber(element.value);
}

/** '' is null; an unreadable number is sent as typed, for the server to refuse with a field error. */
export function toNumber(value: string): number | string | null {
  const trimmed = value.trim();
  if (!trimmed) return null;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : trimmed;
}

/** The element that shows a form's error: its `p.form-error`, created before the submit button when missing. */
function errorSlot(form: HTMLFormElement): HTMLElement {
  const existing = form.querySelector<HTMLElement>('.form-error');
  if (existing) return existing;
  const slot = document.createElement('p');
  slot.className = 'form-error';
  slot.setAttribute('role', 'alert');
  // Before the submit button, or before the row of the form that holds it.
  let anchor: Element | null = form.querySelector('button[type="submit"], button:not([type]), input[type="submit"]');
  while (anchor && anchor.parentElement !== form) anchor = anchor.parentElement;
  if (anchor) anchor.before(slot);
  else form.append(slot);
  return slot;
}

/** Where a button outside any form shows its error: a `.form-error` right after it (a span inside phrasing content). */
function buttonErrorSlot(button: HTMLElement): HTMLElement {
  const form = button.closest('form');
  if (form) return errorSlot(form);
  const next = button.nextElementSibling;
  if (next instanceof HTMLElement && next.classList.contains('form-error')) return next;
  const inline = button.parentElement?.closest('p, span, li, td, th, label, h1, h2, h3, h4, h5, h6') !== null;
  const slot = document.createElement(inline ? 'span' : 'p');
  slot.className = 'form-error';
  slot.setAttribute('role', 'alert');
  button.after(slot);
  return slot;
}

export function showError(slot: HTMLElement, message: string): void {
  slot.textContent = message;
  slot.hidden = false;
}

function clearError(slot: HTMLElement | null): void {
  if (!slot) return;
  slot.textContent = '';
  slot.hidden = true;
}

/** The success paragraph of a form, created at its end when missing. */
function resultSlot(container: HTMLElement): HTMLElement {
  const existing = container.querySelector<HTMLElement>('.form-result');
  if (existing) return existing;
  const slot = document.createElement('p');
  slot.className = 'form-result';
  slot.setAttribute('role', 'status');
  container.append(slot);
  return slot;
}

function showLink(slot: HTMLElement, link: string, expiresAt: unknown): void {
  slot.replaceChildren();
  slot.hidden = false;
  slot.append('Link to pass on: ');
  const href = safeHref(link);
  if (href) {
    const anchor = document.createElement('a');
    anchor.href = href;
    anchor.textContent = link;
    anchor.className = 'form-result__link';
    slot.append(anchor);
  } else {
    const code = document.createElement('code');
    code.textContent = link;
    slot.append(code);
  }
  if (typeof expiresAt === 'string' && !Number.isNaN(Date.parse(expiresAt))) {
    slot.append(` (valid until ${new Date(expiresAt).toLocaleString()})`);
  }
  if (navigator.clipboard) {
    const copy = document.createElement('button');
    copy.type = 'button';
    copy.className = 'secondary form-result__copy';
    copy.textContent = 'Copy';
    copy.addEventListener('click', () => {
      navigator.clipboard.writeText(link).then(
        () => (copy.textContent = 'Copied'),
        () => (copy.textContent = 'Copy failed'),
      );
    });
    slot.append(' ', copy);
  }
}

/** A secret the server shows once (a source's push token), with where it is used; the page stays until it is copied. */
function showToken(slot: HTMLElement, token: string, pushUrl: string): void {
  slot.replaceChildren();
  slot.hidden = false;
  const code = document.createElement('code');
  code.textContent = token;
  slot.append('Push token, shown only now: ', code);
  if (pushUrl) {
    const url = document.createElement('code');
    url.textContent = pushUrl;
    slot.append(' — send documents to ', url, ' with Authorization: Bearer and this token.');
  }
}

function showMessage(slot: HTMLElement, message: string): void {
  slot.replaceChildren(message);
  slot.hidden = false;
}

/** `data-redirect` with `{field}` placeholders filled from the reply; null when a placeholder has no value. */
export function expandRedirect(template: string, reply: unknown): string | null {
  const data = reply && typeof reply === 'object' ? (reply as Record<string, unknown>) : {};
  let missing = false;
  const url = template.replace(/\{([A-Za-z0-9_]+)\}/g, (_whole, key: string) => {
    const value = data[key];
    if (typeof value !== 'string' && typeof value !== 'number') {
      missing = true;
      return '';
    }
    return encodeURIComponent(String(value));
  });
  return missing ? null : url;
}

interface Outcome {
  /** HTTP status of the successful reply. */
  status: number;
  data: unknown;
  redirect: string | undefined;
  /** Where a link or message from the reply is shown. */
  resultIn: HTMLElement;
}

/**
 * After a successful call: show a one-time link from the reply, else follow the redirect; with no redirect, a
 * 202 Accepted reply's `status` message is shown (nothing changed that a reload would show), anything else reloads.
 */
function succeed({ status, data, redirect, resultIn }: Outcome): void {
  const reply = data && typeof data === 'object' ? (data as Record<string, unknown>) : {};
  if (typeof reply.link === 'string' && reply.link) {
    showLink(resultSlot(resultIn), reply.link, reply.expiresAt);
    return;
  }
  if (typeof reply.token === 'string' && reply.token) {
    showToken(resultSlot(resultIn), reply.token, typeof reply.pushUrl === 'string' ? reply.pushUrl : '');
    return;
  }
  if (redirect) {
    const target = expandRedirect(redirect, data);
    const href = target ? safeHref(target) : null;
    if (href) {
      location.assign(href);
      return;
    }
  }
  if (!redirect && status === 202 && typeof reply.status === 'string' && reply.status) {
    showMessage(resultSlot(resultIn), reply.status);
    return;
  }
  location.reload();
}

function fail(slot: HTMLElement, problem: Problem, fieldsIn: ParentNode | null): void {
  showError(slot, problem.detail);
  const field = fieldsIn ? markInvalid(fieldsIn, problem.field) : null;
  field?.focus();
}

async function submitApiForm(form: HTMLFormElement): Promise<void> {
  if (form.getAttribute('aria-busy') === 'true') return;
  const url = form.dataset.api!;
  const method = (form.dataset.method ?? form.getAttribute('method') ?? 'POST').toUpperCase();
  const body = serializeForm(form);
  const slot = form.querySelector<HTMLElement>('.form-error');
  clearError(slot);
  clearInvalid(form);
  const result = form.querySelector<HTMLElement>('.form-result');
  if (result) result.replaceChildren();

  const buttons = Array.from(form.querySelectorAll<HTMLButtonElement | HTMLInputElement>('button, input[type="submit"]')).filter((b) => !b.disabled);
  form.setAttribute('aria-busy', 'true');
  for (const b of buttons) b.disabled = true;
  try {
    const reply = await api(url, { method, ...(method === 'GET' || method === 'HEAD' ? {} : { json: body }) });
    if (reply.ok) {
      const hasLink = Boolean(reply.data && typeof reply.data === 'object' && typeof (reply.data as { link?: unknown }).link === 'string');
      succeed({ status: reply.status, data: reply.data, redirect: form.dataset.redirect, resultIn: form });
      if (hasLink) form.reset();
    } else {
      fail(errorSlot(form), reply.problem, form);
    }
  } finally {
    form.removeAttribute('aria-busy');
    for (const b of buttons) b.disabled = false;
  }
}

async function runApiButton(button: HTMLButtonElement): Promise<void> {
  if (button.getAttribute('aria-busy') === 'true') return;
  const confirmText = button.dataset.confirm;
  if (confirmText && !window.confirm(confirmText)) return;
  const url = button.dataset.apiAction!;
  const method = (button.dataset.method ?? 'POST').toUpperCase();
  const form = button.closest('form');
  const existing = form ? form.querySelector<HTMLElement>('.form-error') : button.nextElementSibling instanceof HTMLElement && button.nextElementSibling.classList.contains('form-error') ? button.nextElementSibling : null;
  clearError(existing);

  let json: unknown;
  if (button.dataset.body !== undefined && button.dataset.body.trim() !== '') {
    try {
      json = JSON.parse(button.dataset.body);
    } catch {
      showError(buttonErrorSlot(button), 'This button is misconfigured (data-body is not JSON).');
      return;
    }
  }
  button.setAttribute('aria-busy', 'true');
  button.disabled = true;
  try {
    const reply = await api(url, { method, ...(json !== undefined ? { json } : {}) });
    if (reply.ok) {
      succeed({ status: reply.status, data: reply.data, redirect: button.dataset.redirect, resultIn: form ?? button.parentElement ?? document.body });
    } else {
      fail(buttonErrorSlot(button), reply.problem, form);
    }
  } finally {
    button.removeAttribute('aria-busy');
    button.disabled = false;
  }
}

/** Wires every `form[data-api]` and `button[data-api-action]` on the page, present and future (delegated). */
export function initApiForms(root: Document): void {
  root.addEventListener('submit', (event) => {
    const form = event.target;
    if (!(form instanceof HTMLFormElement) || !form.hasAttribute('data-api')) return;
    event.preventDefault();
    void submitApiForm(form);
  });
  root.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target.closest('[data-api-action]') : null;
    if (!(target instanceof HTMLButtonElement) || target.disabled) return;
    event.preventDefault();
    void runApiButton(target);
  });
  // Editing a field the server refused clears its mark.
  root.addEventListener('input', (event) => {
    const target = event.target;
    if (target instanceof HTMLElement && target.getAttribute('aria-invalid') === 'true' && target.closest('form[data-api]')) {
      target.removeAttribute('aria-invalid');
    }
  });
}
