/**
 * A figure in the story body: an image with an optional caption and credit, one non-editable block.
 *
 *   <figure><img src="URL" alt="ALT" width="W" height="H"><figcaption>CAPTION <cite>CREDIT</cite></figcaption></figure>
 *
 * No figcaption when there is neither caption nor credit, no cite when there is no credit, no width/height when
 * they are unknown. A bare `<img>` (bodies written before figures) is read as a figure without a caption.
 */
import { insertBlock } from './insert-block.js';
import { type Editor, Node } from '@tiptap/core';

export interface FigureAttrs {
  src: string;
  alt: string;
  width: number | null;
  height: number | null;
  caption: string;
  credit: string;
}

/** The img of a figure, or the element itself when it is a bare img. */
function imageOf(element: HTMLElement): HTMLImageElement | null {
  if (element.tagName === 'IMG') return element as HTMLImageElement;
  return element.querySelector<HTMLImageElement>(':scope > img') ?? element.querySelector('img');
}

function tidy(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

function dimension(value: string | null): number | null {
  const n = Number(value);
  return value && Number.isInteger(n) && n > 0 ? n : null;
}

/** Caption and credit from a figure's figcaption: the credit is the cite, the caption the rest. */
function captionOf(element: HTMLElement): { caption: string; credit: string } {
  const figcaption = element.tagName === 'FIGURE' ? element.querySelector('figcaption') : null;
  if (!figcaption) return { caption: '', credit: '' };
  const cite = figcaption.querySelector('cite');
  const rest = figcaption.cloneNode(true) as HTMLElement;
  for (const c of rest.querySelectorAll('cite')) c.remove();
  return { caption: tidy(rest.textContent), credit: tidy(cite?.textContent) };
}

/** An attribute read by `read` from the figure (or bare img) element, never rendered on the figure itself. */
function attr<T>(fallback: T, read: (element: HTMLElement) => T) {
  return { default: fallback, parseHTML: read, renderHTML: () => ({}) };
}

export const Figure = Node.create({
  name: 'figure',
  group: 'block',
  atom: true,
  selectable: true,
  draggable: true,

  addAttributes() {
    return {
      src: attr('', (el) => imageOf(el)?.getAttribute('src') ?? ''),
      alt: attr('', (el) => imageOf(el)?.getAttribute('alt') ?? ''),
      width: attr<number | null>(null, (el) => dimension(imageOf(el)?.getAttribute('width') ?? null)),
      height: attr<number | null>(null, (el) => dimension(imageOf(el)?.getAttribute('height') ?? null)),
      caption: attr('', (el) => captionOf(el).caption),
      credit: attr('', (el) => captionOf(el).credit),
    };
  },

  parseHTML() {
    // http(s) or a path on this site (the media library's /media/…), not data: or //host.
    const hasSource = (el: HTMLElement) => /^https?:|^\/(?![/\\])/i.test(imageOf(el)?.getAttribute('src')?.trim() ?? '');
    return [
      // figure.embed is the embed node's.
      { tag: 'figure', getAttrs: (el) => (!el.classList.contains('embed') && hasSource(el) ? null : false) },
      { tag: 'img[src]', getAttrs: (el) => (hasSource(el) ? null : false) },
    ];
  },

  renderHTML({ node }) {
    const a = node.attrs as FigureAttrs;
    const img = ['img', { src: a.src, alt: a.alt, width: a.width, height: a.height }] as const;
    if (!a.caption && !a.credit) return ['figure', img];
    const figcaption: unknown[] = ['figcaption'];
    if (a.caption) figcaption.push(a.credit ? `${a.caption} ` : a.caption);
    if (a.credit) figcaption.push(['cite', a.credit]);
    return ['figure', img, figcaption];
  },
});

/** Inserts a figure at the cursor (replacing the selection). */
export function insertFigure(editor: Editor, attrs: Partial<FigureAttrs> & { src: string }): boolean {
  const figure: FigureAttrs = {
    src: attrs.src,
    alt: attrs.alt ?? '',
    width: attrs.width ?? null,
    height: attrs.height ?? null,
    caption: tidy(attrs.caption),
    credit: tidy(attrs.credit),
  };
  return insertBlock(editor, { type: 'figure', attrs: figure });
}
