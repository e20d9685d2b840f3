/**
 * The optimistic-locking conflict: someone saved the story after this editor opened it. The server's 409 carries
 * `currentRevision` and `changes` (what they changed since our base revision, field by field); this shows the
 * changed fields and lets the editor keep their own version or load the other one. Server text only ever becomes
 * text nodes.
 */
import type { Problem } from './api.js';

interface DiffPart {
  kind: 'same' | 'added' | 'removed';
  text: string;
}

interface FieldDiff {
  field: string;
  label: string;
  changed: boolean;
  parts: DiffPart[];
}

export interface ConflictActions {
  keepMine(currentRevision: number): void;
  loadTheirs(): void;
}

/** Fields whose parts are whole values, shown with a separator (as the revisions page does). */
const separators: Record<string, string> = { topics: ', ', priority: ' → ' };

export const CONFLICT_HEADING = 'Someone else saved this story while you were editing';

function fieldDiffs(value: unknown): FieldDiff[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item): FieldDiff[] => {
    if (!item || typeof item !== 'object') return [];
    const d = item as Record<string, unknown>;
    const parts = Array.isArray(d.parts)
      ? d.parts.flatMap((p): DiffPart[] => {
          if (!p || typeof p !== 'object') return [];
          const part = p as Record<string, unknown>;
          const kind = part.kind === 'added' || part.kind === 'removed' ? part.kind : 'same';
          return [{ kind, text: typeof part.text === 'string' ? part.text : String(part.text ?? '') }];
        })
      : [];
    return [{ field: String(d.field ?? ''), label: String(d.label ?? d.field ?? ''), changed: d.changed === true, parts }];
  });
}

/** Text with its newlines as `<br>`, appended to `parent`. */
function appendText(parent: HTMLElement, text: string): void {
  const lines = text.split('\n');
  lines.forEach((line, index) => {
    if (index > 0) parent.append(document.createElement('br'));
    if (line) parent.append(document.createTextNode(line));
  });
}

function renderField(diff: FieldDiff): HTMLElement {
  const section = document.createElement('section');
  section.className = 'diff-field';
  section.dataset.field = diff.field;
  const label = document.createElement('h3');
  label.textContent = diff.label;
  section.append(label);
  if (!diff.parts.some((p) => p.kind !== 'same')) {
    const note = document.createElement('p');
    note.className = 'diff-note';
    note.textContent = 'Only the markup changed (formatting, links or layout); the text is the same.';
    section.append(note);
    return section;
  }
  const text = document.createElement('div');
  text.className = 'diff-text';
  const separator = separators[diff.field] ?? '';
  diff.parts.forEach((part, index) => {
    if (index > 0 && separator) text.append(separator);
    const element = document.createElement(part.kind === 'added' ? 'ins' : part.kind === 'removed' ? 'del' : 'span');
    appendText(element, part.text);
    text.append(element);
  });
  section.append(text);
  return section;
}

/** Fills and shows the conflict panel (`#conflict`, created before the story form when the page has none). */
export function showConflict(form: HTMLFormElement, problem: Problem, actions: ConflictActions): HTMLElement {
  let panel = document.getElementById('conflict');
  if (!panel) {
    panel = document.createElement('div');
    panel.id = 'conflict';
    panel.className = 'conflict';
    form.before(panel);
  }
  const currentRevision = typeof problem.currentRevision === 'number' ? problem.currentRevision : Number(problem.currentRevision);
  const yourRevision = typeof problem.yourRevision === 'number' ? problem.yourRevision : null;

  const heading = document.createElement('h2');
  heading.id = 'conflict-title';
  heading.textContent = CONFLICT_HEADING;
  heading.tabIndex = -1;

  const intro = document.createElement('p');
  intro.textContent =
    yourRevision !== null && Number.isInteger(currentRevision)
      ? `You started from revision ${yourRevision}; the story is now at revision ${currentRevision}. Their changes:`
      : 'Their changes:';

  const changed = fieldDiffs(problem.changes).filter((d) => d.changed);
  const list = document.createElement('div');
  list.className = 'conflict__changes diff';
  if (changed.length) list.append(...changed.map(renderField));
  else {
    const none = document.createElement('p');
    none.className = 'empty';
    none.textContent = 'No differences in the fields you edit.';
    list.append(none);
  }

  const help = document.createElement('p');
  help.className = 'hint';
  help.textContent = 'Keep my version saves what you see in the editor over their changes. Load their version discards your unsaved changes.';

  const buttons = document.createElement('div');
  buttons.className = 'actions';
  const keep = document.createElement('button');
  keep.type = 'button';
  keep.textContent = 'Keep my version';
  const load = document.createElement('button');
  load.type = 'button';
  load.className = 'secondary';
  load.textContent = 'Load their version';
  keep.addEventListener('click', () => {
    if (!Number.isInteger(currentRevision)) {
      load.focus();
      return;
    }
    keep.disabled = true;
    load.disabled = true;
    actions.keepMine(currentRevision);
  });
  load.addEventListener('click', () => {
    keep.disabled = true;
    load.disabled = true;
    actions.loadTheirs();
  });
  buttons.append(keep, load);

  panel.replaceChildren(heading, intro, list, help, buttons);
  panel.setAttribute('role', 'region');
  panel.setAttribute('aria-labelledby', 'conflict-title');
  panel.hidden = false;
  panel.scrollIntoView?.({ block: 'nearest' });
  heading.focus();
  return panel;
}

export function hideConflict(): void {
  const panel = document.getElementById('conflict');
  if (!panel) return;
  panel.hidden = true;
  panel.replaceChildren();
}
