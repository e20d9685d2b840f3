/**
 * A video embed in the story body (YouTube or Vimeo only), one non-editable block:
 *
 *   <figure class="embed"><iframe src="https://www.youtube-nocookie.com/embed/ID" title="Embedded video" loading="lazy"
 *   allowfullscreen></iframe><figcaption><a href="ORIGINAL_URL">Watch on YouTube</a></figcaption></figure>
 *
 * (Vimeo: `https://player.vimeo.com/video/NUMBER`, "Watch on Vimeo".) The newsroom's CSP blocks frames, so the
 * editor shows a box reading "Video: <url>" instead of the player.
 */
import { insertBlock } from './insert-block.js';
import { type Editor, Node } from '@tiptap/core';

export type VideoProvider = 'youtube' | 'vimeo';

export interface Video {
  provider: VideoProvider;
  /** The YouTube video id or the Vimeo number. */
  id: string;
  /** The address the editor gave, linked under the player. */
  url: string;
}

const YOUTUBE_ID = /^[A-Za-z0-9_-]{11}$/;
const ACCEPTED =
  'Only YouTube and Vimeo videos can be embedded: https://www.youtube.com/watch?v=…, https://youtu.be/…, https://www.youtube.com/shorts/… or https://vimeo.com/123456.';

/** A YouTube or Vimeo address as a video; null for anything else. */
export function videoFromUrl(input: string): Video | null {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || url.username || url.password || url.port) return null;
  const path = url.pathname.replace(/\/$/, '');
  let provider: VideoProvider | null = null;
  let id: string | null = null;
  if (url.hostname === 'www.youtube.com') {
    provider = 'youtube';
    if (path === '/watch') id = url.searchParams.get('v');
    else id = /^\/shorts\/([^/]+)$/.exec(path)?.[1] ?? null;
  } else if (url.hostname === 'youtu.be') {
    provider = 'youtube';
    id = /^\/([^/]+)$/.exec(path)?.[1] ?? null;
  } else if (url.hostname === 'vimeo.com') {
    provider = 'vimeo';
    id = /^\/(\d+)$/.exec(path)?.[1] ?? null;
  }
  if (!provider || !id) return null;
  if (provider === 'youtube' && !YOUTUBE_ID.test(id)) return null;
  return { provider, id, url: url.href };
}

/** The player address of an embed's iframe, read back as a video (with its canonical page address); null if not one. */
function videoFromPlayer(src: string): Video | null {
  const youtube = /^https:\/\/www\.youtube-nocookie\.com\/embed\/([A-Za-z0-9_-]{11})$/.exec(src);
  if (youtube) return { provider: 'youtube', id: youtube[1]!, url: `https://www.youtube.com/watch?v=${youtube[1]!}` };
  const vimeo = /^https:\/\/player\.vimeo\.com\/video\/(\d+)$/.exec(src);
  if (vimeo) return { provider: 'vimeo', id: vimeo[1]!, url: `https://vimeo.com/${vimeo[1]!}` };
  return null;
}

function playerSrc(video: Video): string {
  return video.provider === 'youtube' ? `https://www.youtube-nocookie.com/embed/${video.id}` : `https://player.vimeo.com/video/${video.id}`;
}

function linkText(video: Video): string {
  return video.provider === 'youtube' ? 'Watch on YouTube' : 'Watch on Vimeo';
}

/** A `figure.embed` as a video: the player says which one, the caption link (when it is that video's page) where it was found. */
function videoFromFigure(figure: HTMLElement): Video | null {
  const player = videoFromPlayer(figure.querySelector('iframe')?.getAttribute('src')?.trim() ?? '');
  if (!player) return null;
  const linked = videoFromUrl(figure.querySelector('figcaption a')?.getAttribute('href') ?? '');
  return linked && linked.provider === player.provider && linked.id === player.id ? linked : player;
}

export const Embed = Node.create({
  name: 'embed',
  group: 'block',
  atom: true,
  selectable: true,
  draggable: true,

  addAttributes() {
    const attr = (key: keyof Video) => ({
      default: '',
      parseHTML: (element: HTMLElement) => videoFromFigure(element)?.[key] ?? '',
      renderHTML: () => ({}),
    });
    return { provider: attr('provider'), id: attr('id'), url: attr('url') };
  },

  parseHTML() {
    return [{ tag: 'figure.embed', priority: 60, getAttrs: (element) => (videoFromFigure(element) ? null : false) }];
  },

  renderHTML({ node }) {
    const video = node.attrs as Video;
    return [
      'figure',
      { class: 'embed' },
      ['iframe', { src: playerSrc(video), title: 'Embedded video', loading: 'lazy', allowfullscreen: '' }],
      ['figcaption', ['a', { href: video.url }, linkText(video)]],
    ];
  },

  addNodeView() {
    return ({ node }) => {
      const box = document.createElement('div');
      box.className = 'embed-placeholder';
      box.contentEditable = 'false';
      box.textContent = `Video: ${(node.attrs as Video).url}`;
      // The newsroom CSP allows CSSOM styles, not inline <style>; admin.css has no rule for this box.
      Object.assign(box.style, { border: '1px dashed #999', borderRadius: '4px', padding: '1rem', margin: '1rem 0', background: '#f4f4f4' });
      return { dom: box };
    };
  },
});

/** Asks for a video address and inserts its embed; anything but YouTube or Vimeo is refused with an alert. */
export function promptForEmbed(editor: Editor): void {
  const typed = window.prompt('Video address (YouTube or Vimeo)', '');
  if (typed === null || !typed.trim()) return;
  const video = videoFromUrl(typed);
  if (!video) {
    window.alert(ACCEPTED);
    return;
  }
  insertBlock(editor, { type: 'embed', attrs: { ...video } });
}
