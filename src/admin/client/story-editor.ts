/**
 * The story editor page: `<form id="story-form" data-story-id data-revision data-status>` with the story's fields,
 * a hidden `bodyHtml` textarea and `<div id="body-editor">`, where the rich-text editor is mounted.
 *
 * Saves go to `PUT /api/v1/admin/articles/:id` with the revision the editor started from (optimistic locking; a
 * conflict shows what the other person changed), workflow buttons to `POST …/transitions`, and unsaved work is
 * autosaved locally and on the server and recovered on the next visit.
 */
import { Editor, type Extensions, generateHTML, generateJSON } from '@tiptap/core';
import { Link } from '@tiptap/extension-link';
import type { Node as ProseMirrorNode } from '@tiptap/pm/model';
import { StarterKit } from '@tiptap/starter-kit';
import { type Problem, api, clearInvalid, clockTime, isoToLocalInput, localInputToIso, markInvalid } from './api.js';
import { type AutosaveRecord, Autosaver } from './autosave.js';
import { hideConflict, showConflict } from './conflict.js';
import { Embed, promptForEmbed } from './embed-node.js';
import { Figure } from './figure-node.js';
import { toNumber } from './forms.js';
import { openImageDialog } from './image-dialog.js';
import { isAllowedHref, linkFromInput, mountToolbar } from './toolbar.js';

/** Plain-text fields, in the order they are sent. */
const TEXT_FIELDS = ['headline', 'standfirst', 'dateline', 'byline', 'source', 'section'] as const;
/** Fields whose edits count as changes to the story (the change kind, note and schedule time do not). */
const CONTENT_FIELDS = new Set<string>([...TEXT_FIELDS, 'topics', 'priority', 'embargoUntil', 'language', 'image']);

export type StoryContent = Record<string, unknown>;

export function bodyExtensions(): Extensions {
  return [
    StarterKit.configure({
      heading: { levels: [2, 3] },
      // The body allowlist has no code, strike-through, underline or rules; Link is configured below.
      code: false,
      codeBlock: false,
      strike: false,
      underline: false,
      horizontalRule: false,
      link: false,
      trailingNode: false,
    }),
    Link.configure({
      openOnClick: false,
      autolink: true,
      linkOnPaste: true,
      defaultProtocol: 'https',
      // Only http, https and mailto (and paths on this site), whether typed, pasted or already in the body.
      isAllowedUri: (url) => isAllowedHref(url),
      HTMLAttributes: { target: null, rel: 'noopener noreferrer nofollow', class: null },
    }),
    // Images are figures (with caption and credit); a bare <img> in an older body is read as one.
    Figure,
    Embed,
  ];
}

/** Comma-separated topics as a list: trimmed, empty ones dropped. */
export function splitTopics(value: string): string[] {
  return value
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
}

type StatusKind = 'idle' | 'dirty' | 'saving' | 'saved' | 'autosaved' | 'autosave-failed' | 'recovered' | 'error' | 'working';

export function initStoryEditor(form: HTMLFormElement): void {
  const id = form.dataset.storyId ?? '';
  const mount = document.getElementById('body-editor');
  const source = form.querySelector<HTMLTextAreaElement>('textarea[name="bodyHtml"]');
  if (!id || !mount) return;

  const articleUrl = `/api/v1/admin/articles/${encodeURIComponent(id)}`;
  let baseRevision = Number(form.dataset.revision);
  if (!Number.isInteger(baseRevision)) baseRevision = 0;
  const storyStatus = form.dataset.status ?? '';
  const editable = !(source?.matches(':disabled') ?? false) && !(source?.readOnly ?? false) && !form.hasAttribute('data-readonly');

  const statusLine = document.getElementById('editor-status') ?? createStatusLine(form);
  let statusKind: StatusKind = 'idle';
  let cleanStatus = '';
  /** The Discard button of a recovered autosave, shown until the story is saved. */
  let discardButton: HTMLButtonElement | null = null;

  function setStatus(text: string, kind: StatusKind): void {
    statusKind = kind;
    statusLine.replaceChildren(text);
    if (discardButton) statusLine.append(' ', discardButton);
  }

  // --- the fields -------------------------------------------------------------------------------------------

  function control(name: string): HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement | null {
    const element = form.querySelector(`[name="${name}"]`);
    return element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement || element instanceof HTMLSelectElement ? element : null;
  }
  const value = (name: string) => control(name)?.value ?? '';
  function setValue(name: string, next: string): void {
    const element = control(name);
    if (element) element.value = next;
  }

  /** Every field but the body, as sent to the server. */
  function collectFields(): StoryContent {
    const content: StoryContent = {};
    for (const name of TEXT_FIELDS) content[name] = value(name);
    content.topics = splitTopics(value('topics'));
    const priority = toNumber(value('priority'));
    content.priority = priority === null ? 0 : priority;
    content.embargoUntil = localInputToIso(value('embargoUntil'));
    // Optional: a page that shows the language or carries the lead image (JSON in a hidden input) keeps them.
    if (control('language')) content.language = value('language');
    if (control('image')) content.image = parseJson(value('image'));
    return content;
  }

  // --- the body editor --------------------------------------------------------------------------------------

  const extensions = bodyExtensions();
  // ProseMirror needs pre-wrap whitespace; set through the CSSOM (allowed by the CSP), inherited by the editor.
  mount.style.whiteSpace = 'pre-wrap';
  const label = document.querySelector<HTMLLabelElement>('label[for="body-editor"]');
  if (label && !label.id) label.id = 'body-editor-label';
  const editor = new Editor({
    element: mount,
    extensions,
    content: source?.value ?? '',
    editable,
    injectCSS: false, // the newsroom CSP allows no inline <style>; admin.css styles the editor
    editorProps: {
      attributes: {
        id: 'body-editor-content',
        class: 'body-editor__content',
        role: 'textbox',
        'aria-multiline': 'true',
        ...(label ? { 'aria-labelledby': label.id } : { 'aria-label': 'Body' }),
        ...(editable ? {} : { 'aria-readonly': 'true' }),
      },
    },
  });
  label?.addEventListener('click', () => editor.commands.focus());
  // The textarea only carries the initial body (kept in step on every read); a stylesheet that gives textareas a
  // display must not reveal it.
  if (source) source.style.display = 'none';

  mountToolbar(editor, mount, 'body-editor-content', {
    onLink: editLink,
    onImage: (e) => openImageDialog(e),
    onEmbed: promptForEmbed,
  });

  function editLink(e: Editor): void {
    const previous = (e.getAttributes('link').href as string | undefined) ?? '';
    const typed = window.prompt('Link address (https://…, mailto:… or a /path on this site). Leave empty to remove the link.', previous);
    if (typed === null) return;
    if (!typed.trim()) {
      e.chain().focus().extendMarkRange('link').unsetLink().run();
      return;
    }
    const href = linkFromInput(typed);
    if (!href) {
      window.alert('That address cannot be a link. Use an https://, http:// or mailto: address (javascript: and other schemes are refused).');
      return;
    }
    if (e.state.selection.empty && !e.isActive('link')) {
      e.chain()
        .focus()
        .insertContent({ type: 'text', text: typed.trim(), marks: [{ type: 'link', attrs: { href } }] })
        .run();
    } else {
      e.chain().focus().extendMarkRange('link').setLink({ href }).run();
    }
  }

  function bodyHtml(): string {
    const html = editor.getHTML();
    if (source) source.value = html;
    return html;
  }

  /** Body HTML as this editor would write it, to compare a stored copy with what the editor shows. */
  function normaliseBody(html: string): string {
    try {
      return generateHTML(generateJSON(html, extensions), extensions);
    } catch {
      return html;
    }
  }

  function collect(): StoryContent {
    const fields = collectFields();
    return {
      headline: fields.headline,
      standfirst: fields.standfirst,
      bodyHtml: bodyHtml(),
      dateline: fields.dateline,
      byline: fields.byline,
      source: fields.source,
      section: fields.section,
      topics: fields.topics,
      priority: fields.priority,
      embargoUntil: fields.embargoUntil,
      ...('language' in fields ? { language: fields.language } : {}),
      ...('image' in fields ? { image: fields.image } : {}),
    };
  }

  /** Puts stored content (a recovered autosave) into the fields and the editor. */
  function applyContent(content: StoryContent): void {
    for (const name of TEXT_FIELDS) if (name in content) setValue(name, stringOf(content[name]));
    if ('topics' in content) setValue('topics', Array.isArray(content.topics) ? content.topics.map(String).join(', ') : stringOf(content.topics));
    if ('priority' in content) setValue('priority', content.priority === null || content.priority === undefined ? '' : String(content.priority));
    if ('embargoUntil' in content) setValue('embargoUntil', typeof content.embargoUntil === 'string' ? isoToLocalInput(content.embargoUntil) : '');
    if ('language' in content && control('language')) setValue('language', stringOf(content.language));
    if ('image' in content && control('image')) setValue('image', content.image == null ? '' : JSON.stringify(content.image));
    if (typeof content.bodyHtml === 'string') {
      editor.chain().setMeta('addToHistory', false).setContent(content.bodyHtml, { emitUpdate: false }).run();
    }
  }

  /** Stored content as `collect()` would read it back from the page, for comparing. */
  function comparable(content: StoryContent): string {
    const fields: StoryContent = {};
    for (const name of TEXT_FIELDS) fields[name] = stringOf(content[name]).replace(/\r\n?/g, '\n');
    const topics = Array.isArray(content.topics) ? content.topics.map(String).join(',') : stringOf(content.topics);
    const priority = content.priority === null || content.priority === undefined ? 0 : toNumber(String(content.priority));
    const embargo = typeof content.embargoUntil === 'string' ? localInputToIso(isoToLocalInput(content.embargoUntil)) : null;
    return JSON.stringify({
      ...fields,
      bodyHtml: normaliseBody(stringOf(content.bodyHtml)),
      topics: splitTopics(topics),
      priority: priority === null ? 0 : priority,
      embargoUntil: embargo,
      ...(control('language') ? { language: stringOf(content.language) } : {}),
      ...(control('image') ? { image: content.image ?? null } : {}),
    });
  }

  function currentComparable(): string {
    const content = collect();
    return comparable(content);
  }

  // --- saved state ------------------------------------------------------------------------------------------

  let savedDoc: ProseMirrorNode = editor.state.doc;
  let savedFields = JSON.stringify(collectFields());
  let changesSinceLoad = 0;
  let saving = false;
  let leaving = false;

  function isDirty(): boolean {
    return !editor.state.doc.eq(savedDoc) || JSON.stringify(collectFields()) !== savedFields;
  }

  const autosaver = new Autosaver(id, {
    snapshot: () => ({ baseRevision, content: collect() }),
    isDirty,
    mayAutosave: () => editable && !saving && !leaving,
    onServerAutosaved: (at) => {
      if (statusKind === 'dirty' || statusKind === 'autosaved' || statusKind === 'autosave-failed') setStatus(`Autosaved ${clockTime(at)}`, 'autosaved');
    },
    onServerAutosaveFailed: () => {
      if (statusKind === 'dirty' || statusKind === 'autosaved' || statusKind === 'autosave-failed') setStatus('Autosave failed', 'autosave-failed');
    },
  });

  function changed(): void {
    if (!editable || leaving) return;
    changesSinceLoad++;
    if (statusKind !== 'saving') {
      if (isDirty()) {
        setStatus('Unsaved changes', 'dirty');
      } else {
        setStatus(cleanStatus, cleanStatus ? 'saved' : 'idle');
      }
    }
    autosaver.changed();
  }

  editor.on('update', changed);
  const onFieldEdit = (event: Event) => {
    const target = event.target;
    if (!(target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement)) return;
    if (target.getAttribute('aria-invalid') === 'true') target.removeAttribute('aria-invalid');
    if (CONTENT_FIELDS.has(target.name)) changed();
  };
  form.addEventListener('input', onFieldEdit);
  form.addEventListener('change', onFieldEdit);

  // --- saving -----------------------------------------------------------------------------------------------

  let queue: Promise<unknown> = Promise.resolve();

  /** Saves the story (one save at a time); resolves to whether it is saved. */
  function save(options: { validate?: boolean } = {}): Promise<boolean> {
    const run = queue.then(() => doSave(options));
    queue = run.catch(() => undefined);
    return run;
  }

  async function doSave({ validate = true }: { validate?: boolean }): Promise<boolean> {
    if (!editable) return false;
    if (validate && !form.reportValidity()) return false;
    saving = true;
    try {
      await autosaver.idle();
      clearInvalid(form);
      editor.view.dom.removeAttribute('aria-invalid');
      const sentDoc = editor.state.doc;
      const content = collect();
      const sentFields = JSON.stringify(collectFields());
      const request: Record<string, unknown> = { content, baseRevision };
      if (storyStatus === 'published') {
        const kind = document.querySelector<HTMLInputElement>('input[name="changeKind"]:checked');
        if (kind) request.changeKind = kind.value;
        const note = document.querySelector<HTMLTextAreaElement>('textarea[name="note"]');
        if (note) request.note = note.value;
      }
      setStatus('Saving…', 'saving');
      const result = await api<{ revision?: number }>(articleUrl, { method: 'PUT', json: request });
      if (result.ok) {
        const revision = Number(result.data?.revision);
        if (Number.isInteger(revision)) baseRevision = revision;
        form.dataset.revision = String(baseRevision);
        savedDoc = sentDoc;
        savedFields = sentFields;
        discardButton = null;
        hideConflict();
        resetChangeKind();
        autosaver.saved();
        cleanStatus = `Saved (revision ${baseRevision})`;
        if (isDirty()) setStatus(`${cleanStatus} · Unsaved changes`, 'dirty');
        else setStatus(cleanStatus, 'saved');
        return true;
      }
      const problem = result.problem;
      if (result.status === 409 && problem.code === 'NEWSDESK_ERR_CONFLICT') {
        setStatus('Not saved: someone else saved this story while you were editing', 'error');
        showConflict(form, problem, { keepMine, loadTheirs });
        return false;
      }
      showSaveProblem(problem);
      return false;
    } finally {
      saving = false;
    }
  }

  function showSaveProblem(problem: Problem): void {
    setStatus(`Not saved: ${problem.detail}`, 'error');
    if (problem.field === 'body' || problem.field === 'bodyHtml') editor.view.dom.setAttribute('aria-invalid', 'true');
    else markInvalid(form, problem.field);
  }

  /** A published story's change kind and note belong to one save. */
  function resetChangeKind(): void {
    const note = document.querySelector<HTMLTextAreaElement>('textarea[name="note"]');
    if (note) note.value = '';
    for (const radio of document.querySelectorAll<HTMLInputElement>('input[name="changeKind"]')) radio.checked = radio.defaultChecked;
  }

  function keepMine(currentRevision: number): void {
    baseRevision = currentRevision;
    hideConflict();
    void save({ validate: false });
  }

  function loadTheirs(): void {
    void leave(() => location.reload());
  }

  /** Leaves the page on purpose, throwing unsaved changes away (no autosave writes them back). */
  async function leave(go: () => void): Promise<void> {
    leaving = true;
    await autosaver.discard();
    go();
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void save();
  });
  document.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target.closest('button[data-action="save"]') : null;
    if (!(target instanceof HTMLButtonElement) || target.disabled) return;
    event.preventDefault();
    void save();
  });
  document.addEventListener('keydown', (event) => {
    if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 's') {
      event.preventDefault();
      void save();
    }
  });

  // --- workflow ---------------------------------------------------------------------------------------------

  document.addEventListener('click', (event) => {
    const target = event.target instanceof Element ? event.target.closest('button[data-transition]') : null;
    if (!(target instanceof HTMLButtonElement) || target.disabled) return;
    event.preventDefault();
    void transition(target);
  });

  async function transition(button: HTMLButtonElement): Promise<void> {
    const action = button.dataset.transition ?? '';
    const body: Record<string, unknown> = { action };
    if (action === 'schedule') {
      const input = document.querySelector<HTMLInputElement>('input[name="scheduleAt"]');
      const at = localInputToIso(input?.value ?? '');
      if (!at) {
        setStatus('Choose the date and time to publish at first.', 'error');
        input?.setAttribute('aria-invalid', 'true');
        input?.focus();
        return;
      }
      body.at = at;
    }
    const buttons = Array.from(document.querySelectorAll<HTMLButtonElement>('button[data-transition]')).filter((b) => !b.disabled);
    for (const b of buttons) b.disabled = true;
    try {
      if (editable && isDirty()) {
        const saved = await save();
        if (!saved) return;
      }
      setStatus('Working…', 'working');
      const result = await api(`${articleUrl}/transitions`, { method: 'POST', json: body });
      if (result.ok) {
        leaving = true;
        location.reload();
        return;
      }
      setStatus(result.problem.detail, 'error');
      if (result.problem.field === 'at') document.querySelector('input[name="scheduleAt"]')?.setAttribute('aria-invalid', 'true');
    } finally {
      if (!leaving) for (const b of buttons) b.disabled = false;
    }
  }

  // --- autosave and recovery --------------------------------------------------------------------------------

  if (!editable) return;
  autosaver.start();
  void recover();

  async function recover(): Promise<void> {
    const current = currentComparable();
    const local = autosaver.readLocal();
    if (local) {
      if (comparable(local.content) !== current) {
        restore(local, 'local');
        return;
      }
      autosaver.dropLocal();
    }
    const marker = autosaver.readMarker();
    const server = await autosaver.readServer();
    if (!server || Autosaver.isDiscarded(server, marker)) return;
    // The editor began typing before the server answered: their work wins.
    if (changesSinceLoad > 0 || leaving) return;
    if (comparable(server.content) !== currentComparable()) restore(server, 'server');
  }

  function restore(record: AutosaveRecord, from: 'local' | 'server'): void {
    applyContent(record.content);
    // Saving then compares against the revision this work started from, so a newer revision shows as a conflict.
    baseRevision = record.baseRevision;
    if (from === 'server') autosaver.serverHas({ baseRevision, content: collect() });
    discardButton = document.createElement('button');
    discardButton.type = 'button';
    discardButton.className = 'secondary discard-recovered';
    discardButton.textContent = 'Discard';
    discardButton.addEventListener('click', () => {
      if (discardButton) discardButton.disabled = true;
      void leave(() => location.reload());
    });
    const time = record.savedAt ? clockTime(record.savedAt) : '';
    setStatus(time ? `Recovered unsaved changes from ${time}` : 'Recovered unsaved changes', 'recovered');
    changesSinceLoad = 0;
  }
}

function createStatusLine(form: HTMLFormElement): HTMLElement {
  const line = document.createElement('p');
  line.id = 'editor-status';
  line.className = 'status-line';
  line.setAttribute('role', 'status');
  form.before(line);
  return line;
}

function stringOf(value: unknown): string {
  return typeof value === 'string' ? value : value === null || value === undefined ? '' : String(value);
}

function parseJson(value: string): unknown {
  if (!value.trim()) return null;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return null;
  }
}
