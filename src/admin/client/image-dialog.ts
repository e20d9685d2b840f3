/**
 * The image dialog of the body editor: pick a file, describe it (alt text is required), upload it to the media
 * library (`POST /api/v1/admin/media`, multipart: alt, caption, credit, then file) and insert the stored image as a
 * figure with its caption and credit.
 */
import type { Editor } from '@tiptap/core';
import { api, clearInvalid, markInvalid, safeHref } from './api.js';
import { insertFigure } from './figure-node.js';

interface StoredImage {
  url: string;
  alt?: string;
  caption?: string | null;
  credit?: string | null;
  width?: number;
  height?: number;
}

interface DialogParts {
  dialog: HTMLDialogElement;
  form: HTMLFormElement;
  file: HTMLInputElement;
  alt: HTMLInputElement;
  caption: HTMLInputElement;
  credit: HTMLInputElement;
  preview: HTMLImageElement;
  error: HTMLElement;
  insert: HTMLButtonElement;
  cancel: HTMLButtonElement;
}

let parts: DialogParts | null = null;
let current: { editor: Editor; upload: AbortController | null } | null = null;
let previewUrl: string | null = null;

function field(labelText: string, input: HTMLInputElement, hint?: string): HTMLElement {
  const label = document.createElement('label');
  label.append(labelText, ' ', input);
  if (hint) {
    const span = document.createElement('span');
    span.className = 'hint';
    span.textContent = hint;
    label.append(span);
  }
  return label;
}

function input(name: string, type = 'text'): HTMLInputElement {
  const element = document.createElement('input');
  element.type = type;
  element.name = name;
  return element;
}

function build(): DialogParts {
  const dialog = document.createElement('dialog');
  dialog.className = 'image-dialog';
  dialog.setAttribute('aria-labelledby', 'image-dialog-title');

  const form = document.createElement('form');
  form.className = 'image-dialog__form';
  form.noValidate = false;

  const title = document.createElement('h2');
  title.id = 'image-dialog-title';
  title.textContent = 'Insert image';

  const file = input('file', 'file');
  file.accept = 'image/*';
  file.required = true;
  const preview = document.createElement('img');
  preview.className = 'image-dialog__preview';
  preview.alt = '';
  preview.hidden = true;

  const alt = input('alt');
  alt.required = true;
  alt.maxLength = 300;
  alt.autocomplete = 'off';
  const caption = input('caption');
  caption.autocomplete = 'off';
  const credit = input('credit');
  credit.autocomplete = 'off';

  const error = document.createElement('p');
  error.className = 'form-error';
  error.setAttribute('role', 'alert');
  error.hidden = true;

  const insert = document.createElement('button');
  insert.type = 'submit';
  insert.textContent = 'Insert';
  const cancel = document.createElement('button');
  cancel.type = 'button';
  cancel.className = 'secondary';
  cancel.textContent = 'Cancel';
  const actions = document.createElement('div');
  actions.className = 'actions';
  actions.append(insert, cancel);

  form.append(
    title,
    field('Image file', file),
    preview,
    field('Alt text', alt, 'Describe the image for readers who cannot see it.'),
    field('Caption', caption),
    field('Credit', credit),
    error,
    actions,
  );
  dialog.append(form);
  document.body.append(dialog);

  file.addEventListener('change', () => {
    clearPreview();
    const chosen = file.files?.[0];
    if (chosen && chosen.type.startsWith('image/')) {
      previewUrl = URL.createObjectURL(chosen);
      preview.src = previewUrl;
      preview.hidden = false;
    }
  });
  form.addEventListener('input', (event) => {
    if (event.target instanceof HTMLElement) event.target.removeAttribute('aria-invalid');
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void upload();
  });
  cancel.addEventListener('click', () => dialog.close('cancel'));
  dialog.addEventListener('close', () => {
    current?.upload?.abort();
    current = null;
    clearPreview();
  });

  return { dialog, form, file, alt, caption, credit, preview, error, insert, cancel };
}

function clearPreview(): void {
  if (previewUrl) URL.revokeObjectURL(previewUrl);
  previewUrl = null;
  if (parts) {
    parts.preview.removeAttribute('src');
    parts.preview.hidden = true;
  }
}

function setBusy(busy: boolean): void {
  if (!parts) return;
  parts.insert.disabled = busy;
  parts.insert.textContent = busy ? 'Uploading…' : 'Insert';
  parts.form.setAttribute('aria-busy', String(busy));
}

function showError(message: string): void {
  if (!parts) return;
  parts.error.textContent = message;
  parts.error.hidden = false;
}

async function upload(): Promise<void> {
  if (!parts || !current || current.upload) return;
  const p = parts;
  p.error.hidden = true;
  p.error.textContent = '';
  clearInvalid(p.form);
  if (!p.form.reportValidity()) return;
  const chosen = p.file.files?.[0];
  if (!chosen) return;

  const body = new FormData();
  body.append('alt', p.alt.value.trim());
  body.append('caption', p.caption.value.trim());
  body.append('credit', p.credit.value.trim());
  body.append('file', chosen, chosen.name);

  const session = current;
  session.upload = new AbortController();
  setBusy(true);
  try {
    const result = await api<StoredImage>('/api/v1/admin/media', { method: 'POST', form: body, signal: session.upload.signal });
    if (current !== session) return; // cancelled meanwhile
    if (!result.ok) {
      showError(result.problem.detail);
      markInvalid(p.form, result.problem.field)?.focus();
      return;
    }
    const image = result.data;
    if (!image || typeof image.url !== 'string' || !safeHref(image.url)) {
      showError('The server did not return a usable image address.');
      return;
    }
    // The library's tidied copy of what was typed, when it returns one.
    const alt = typeof image.alt === 'string' && image.alt ? image.alt : p.alt.value.trim();
    const caption = typeof image.caption === 'string' ? image.caption : p.caption.value.trim();
    const credit = typeof image.credit === 'string' ? image.credit : p.credit.value.trim();
    const size = (n: number | undefined) => (typeof n === 'number' && Number.isInteger(n) && n > 0 ? n : null);
    // Close first: the editor underneath a modal dialog cannot take focus.
    p.dialog.close('inserted');
    p.form.reset();
    insertFigure(session.editor, { src: image.url, alt, caption, credit, width: size(image.width), height: size(image.height) });
  } finally {
    session.upload = null;
    setBusy(false);
  }
}

/** Opens the image dialog for `editor`; on Cancel the browser returns focus to the button that opened it. */
export function openImageDialog(editor: Editor): void {
  parts ??= build();
  const p = parts;
  if (p.dialog.open) return;
  p.form.reset();
  clearPreview();
  clearInvalid(p.form);
  p.error.hidden = true;
  p.error.textContent = '';
  setBusy(false);
  current = { editor, upload: null };
  p.dialog.showModal();
  p.file.focus();
}
