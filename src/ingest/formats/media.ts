/** Images in syndication feeds: Media RSS (media:content, media:group, media:thumbnail) and enclosures. */
import type { WireImage } from './types.js';
import { attr, cleanText, element, elements, resolveUrl, type XElement } from './xml.js';

export const MEDIA_NS = new Set(['http://search.yahoo.com/mrss/', 'http://search.yahoo.com/mrss', 'http://search.yahoo.com/rss']);

const imageExtension = /\.(jpe?g|png|gif|webp|avif|svg|bmp|tiff?)(?:[?#].*)?$/i;

export function isImageReference(url: string, type: string | null, medium: string | null): boolean {
  if (medium) return medium.toLowerCase() === 'image';
  if (type) return type.toLowerCase().startsWith('image/');
  return imageExtension.test(url);
}

/** Media RSS images of an item (its own media elements and those in media:group), best first. */
export function mediaImages(item: XElement): WireImage[] {
  const out: (WireImage & { width: number })[] = [];
  const itemCaption = mediaText(item, 'description');
  const itemTitle = mediaText(item, 'title');
  const itemCredit = mediaText(item, 'credit');
  const scopes = [item, ...elements(item, 'group', MEDIA_NS)];
  for (const scope of scopes) {
    const scopeCaption = scope === item ? itemCaption : mediaText(scope, 'description') ?? itemCaption;
    const scopeTitle = scope === item ? itemTitle : mediaText(scope, 'title') ?? itemTitle;
    const scopeCredit = scope === item ? itemCredit : mediaText(scope, 'credit') ?? itemCredit;
    for (const content of elements(scope, 'content', MEDIA_NS)) {
      const url = attr(content, 'url');
      if (!url || !isImageReference(url, attr(content, 'type'), attr(content, 'medium'))) continue;
      out.push({
        url: resolveUrl(content, url),
        alt: mediaText(content, 'title') ?? scopeTitle,
        caption: mediaText(content, 'description') ?? scopeCaption,
        credit: mediaText(content, 'credit') ?? scopeCredit,
        width: Number(attr(content, 'width')) || 0,
      });
    }
  }
  for (const scope of scopes) {
    for (const thumb of elements(scope, 'thumbnail', MEDIA_NS)) {
      const url = attr(thumb, 'url');
      if (url) out.push({ url: resolveUrl(thumb, url), alt: itemTitle, caption: itemCaption, credit: itemCredit, width: -1 });
    }
  }
  // Largest first; thumbnails last.
  return out.sort((a, b) => b.width - a.width).map(({ width: _width, ...image }) => image);
}

function mediaText(el: XElement, local: string): string | null {
  return cleanText(element(el, local, MEDIA_NS));
}
