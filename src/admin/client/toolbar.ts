/**
 * The formatting toolbar above the body editor: buttons with visible text, `aria-pressed` on the toggles, arrow-key
 * navigation between buttons (one tab stop, as the ARIA toolbar pattern has it), and state that follows the cursor.
 */
import type { Editor } from '@tiptap/core';

/** Link targets the body may hold: http, https and mailto, or a path on this site. */
export function isAllowedHref(value: string): boolean {
  // Browsers ignore whitespace and control characters inside a scheme ("java\nscript:"), so judge without them.
  const url = value.replace(/[\u0000-\u0020\u007f-\u00a0\u1680\u180e\u2000-\u2029\u205f\u3000\ufeff]/g, '');
  if (!url) return false;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url);
  if (scheme) return ['http', 'https', 'mailto'].includes(scheme[1]!.toLowerCase());
  // No scheme: a site path, but not a protocol-relative URL (//host) or something a browser reads as one (/\host).
  return url.startsWith('/') && !/^[/\\]{2}|^\/\\/.test(url);
}

/** What the editor typed into the link prompt, as an href; null when it may not be a link. */
export function linkFromInput(input: string): string | null {
  const value = input.trim();
  if (!value) return null;
  if (/^[a-z][a-z0-9+.-]*:/i.test(value) || value.startsWith('/')) return isAllowedHref(value) ? value : null;
  // "example.com/page" or "someone@example.com" without a scheme.
  if (/^[^\s@/]+@[^\s@/]+\.[^\s@/]+$/.test(value)) return `mailto:${value}`;
  if (/^[^\s/]+\.[^\s/]+/.test(value)) return `https://${value}`;
  return null;
}

interface ToolbarButton {
  label: string;
  title: string;
  /** A toggle reports aria-pressed. */
  active?: (editor: Editor) => boolean;
  enabled?: (editor: Editor) => boolean;
  shortcut?: string;
  run: (editor: Editor, button: HTMLButtonElement) => void;
}

export interface ToolbarOptions {
  onLink: (editor: Editor) => void;
  onImage: (editor: Editor, button: HTMLButtonElement) => void;
  onEmbed: (editor: Editor) => void;
}

function buttons(options: ToolbarOptions): ToolbarButton[] {
  return [
    {
      label: 'Bold',
      title: 'Bold',
      shortcut: 'Control+B Meta+B',
      active: (e) => e.isActive('bold'),
      enabled: (e) => e.can().toggleBold(),
      run: (e) => e.chain().focus().toggleBold().run(),
    },
    {
      label: 'Italic',
      title: 'Italic',
      shortcut: 'Control+I Meta+I',
      active: (e) => e.isActive('italic'),
      enabled: (e) => e.can().toggleItalic(),
      run: (e) => e.chain().focus().toggleItalic().run(),
    },
    {
      label: 'H2',
      title: 'Heading (level 2)',
      active: (e) => e.isActive('heading', { level: 2 }),
      run: (e) => e.chain().focus().toggleHeading({ level: 2 }).run(),
    },
    {
      label: 'H3',
      title: 'Subheading (level 3)',
      active: (e) => e.isActive('heading', { level: 3 }),
      run: (e) => e.chain().focus().toggleHeading({ level: 3 }).run(),
    },
    {
      label: 'Quote',
      title: 'Block quote',
      active: (e) => e.isActive('blockquote'),
      run: (e) => e.chain().focus().toggleBlockquote().run(),
    },
    {
      label: '• List',
      title: 'Bulleted list',
      active: (e) => e.isActive('bulletList'),
      run: (e) => e.chain().focus().toggleBulletList().run(),
    },
    {
      label: '1. List',
      title: 'Numbered list',
      active: (e) => e.isActive('orderedList'),
      run: (e) => e.chain().focus().toggleOrderedList().run(),
    },
    {
      label: 'Link',
      title: 'Link (add, change or remove)',
      active: (e) => e.isActive('link'),
      run: (e) => options.onLink(e),
    },
    {
      label: 'Image',
      title: 'Insert an image',
      run: (e, button) => options.onImage(e, button),
    },
    {
      label: 'Embed',
      title: 'Embed a YouTube or Vimeo video',
      run: (e) => options.onEmbed(e),
    },
    {
      label: 'Undo',
      title: 'Undo',
      shortcut: 'Control+Z Meta+Z',
      enabled: (e) => e.can().undo(),
      run: (e) => e.chain().focus().undo().run(),
    },
    {
      label: 'Redo',
      title: 'Redo',
      shortcut: 'Control+Shift+Z Meta+Shift+Z',
      enabled: (e) => e.can().redo(),
      run: (e) => e.chain().focus().redo().run(),
    },
  ];
}

/** Builds the toolbar as the first child of `container` (above the editable area) and keeps it in step with the editor. */
export function mountToolbar(editor: Editor, container: HTMLElement, controls: string, options: ToolbarOptions): HTMLElement {
  const toolbar = document.createElement('div');
  toolbar.className = 'editor-toolbar';
  toolbar.setAttribute('role', 'toolbar');
  toolbar.setAttribute('aria-label', 'Formatting');
  toolbar.setAttribute('aria-controls', controls);

  const entries = buttons(options).map((spec) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'editor-toolbar__button';
    button.textContent = spec.label;
    button.title = spec.title;
    button.tabIndex = -1;
    if (spec.shortcut) button.setAttribute('aria-keyshortcuts', spec.shortcut);
    if (spec.active) button.setAttribute('aria-pressed', 'false');
    button.addEventListener('click', (event) => {
      event.preventDefault();
      if (!editor.isEditable || button.getAttribute('aria-disabled') === 'true') return;
      spec.run(editor, button);
      update();
    });
    toolbar.append(button);
    return { spec, button };
  });
  entries[0]!.button.tabIndex = 0;

  // Roving focus: arrows move between buttons, Tab leaves the toolbar.
  toolbar.addEventListener('keydown', (event) => {
    const all = entries.map((e) => e.button);
    const index = all.indexOf(document.activeElement as HTMLButtonElement);
    if (index < 0) return;
    let next = -1;
    if (event.key === 'ArrowRight') next = (index + 1) % all.length;
    else if (event.key === 'ArrowLeft') next = (index - 1 + all.length) % all.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = all.length - 1;
    if (next < 0) return;
    event.preventDefault();
    focusButton(all, next);
  });
  toolbar.addEventListener('focusin', (event) => {
    const all = entries.map((e) => e.button);
    const index = all.indexOf(event.target as HTMLButtonElement);
    if (index >= 0) for (const [i, b] of all.entries()) b.tabIndex = i === index ? 0 : -1;
  });

  function update(): void {
    const editable = editor.isEditable;
    for (const { spec, button } of entries) {
      button.disabled = !editable;
      if (spec.active) button.setAttribute('aria-pressed', String(editable && spec.active(editor)));
      // aria-disabled rather than disabled: the button stays focusable in the toolbar, as the pattern advises.
      const enabled = editable && (spec.enabled ? spec.enabled(editor) : true);
      if (enabled) button.removeAttribute('aria-disabled');
      else button.setAttribute('aria-disabled', 'true');
    }
  }

  editor.on('transaction', update);
  editor.on('focus', update);
  update();
  container.prepend(toolbar);
  return toolbar;
}

function focusButton(all: HTMLButtonElement[], index: number): void {
  for (const [i, b] of all.entries()) b.tabIndex = i === index ? 0 : -1;
  all[index]!.focus();
}
