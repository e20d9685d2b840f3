/**
 * The body allowlist. Every body that reaches the store passes through here, whatever its origin (import, demo,
 * the editor, wire feeds), so the reader site can print stored HTML as-is.
 */
import sanitizeHtml from 'sanitize-html';

/** Video players a story may embed: privacy-enhanced hosts only, each framed in a sandbox. */
export const EMBED_HOSTS = ['www.youtube-nocookie.com', 'player.vimeo.com'];

const bodyPolicy: sanitizeHtml.IOptions = {
  allowedTags: [
    'p', 'h2', 'h3', 'h4', 'blockquote', 'ul', 'ol', 'li', 'a', 'strong', 'em', 'b', 'i', 'br',
    'figure', 'figcaption', 'img', 'cite', 'q', 'sub', 'sup', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'pre',
    'iframe',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'rel'],
    img: ['src', 'alt', 'width', 'height'],
    iframe: ['src', 'title', 'loading', 'allowfullscreen', 'sandbox', 'referrerpolicy'],
    figure: ['class'],
    th: ['scope'],
  },
  allowedClasses: { figure: ['embed'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https'], iframe: ['https'] },
  allowedIframeHostnames: EMBED_HOSTS,
  allowIframeRelativeUrls: false,
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: {
    // Outbound links must not leak the reader's page or let the target script it.
    a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer nofollow' }),
    // An embedded player runs in a sandbox: no top navigation, no forms, no referrer.
    iframe: sanitizeHtml.simpleTransform('iframe', {
      sandbox: 'allow-scripts allow-same-origin allow-presentation allow-popups',
      referrerpolicy: 'no-referrer',
      loading: 'lazy',
    }),
  },
  // An iframe whose source was not an allowed player has lost its src above: drop it whole.
  exclusiveFilter: (frame) => frame.tag === 'iframe' && !frame.attribs.src,
};

/**
 * Paragraphs of escaped plain text, as `plainTextToHtml` writes wire and corpus copy: no tag but `<p>`, no entity but
 * the five it writes. The sanitizer would keep all of it and only write the quotes plainly.
 */
const PLAIN_PARAGRAPHS = /^(?:\s*<p>[^<>&]*(?:&(?:amp|lt|gt|quot|#39);[^<>&]*)*<\/p>)*\s*$/;

export function sanitizeBodyHtml(html: string): string {
  // Most of an import is plain paragraphs, whose sanitized form is known without a parse (0.05 ms a story).
  if (PLAIN_PARAGRAPHS.test(html)) return html.replace(/&quot;|&#39;/g, (entity) => (entity === '&quot;' ? '"' : "'")).trim();
  return sanitizeByParsing(html);
}

/** The body allowlist applied by parsing: `sanitizeBodyHtml` for everything but plain paragraphs. */
export function sanitizeByParsing(html: string): string {
  return sanitizeHtml(html, bodyPolicy).trim();
}

/** Strips every tag: for headlines, standfirsts and text the site prints in attributes. */
export function stripTags(html: string): string {
  return sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} }).replace(/\s+/g, ' ').trim();
}

/**
 * `stripTags` for HTML that came out of `sanitizeBodyHtml`, without parsing it again: there every `<` and `>` outside a
 * tag is already written `&lt;` and `&gt;` (in attribute values too), no element whose text is dropped survives, and
 * the text is already in `stripTags`'s escaped form, so dropping the tags gives the same string. A stored body's
 * text is needed two or three times per story on import, and a full parse there cost 0.07 ms each. Those asks come
 * one after the other (a draft's terms, then its fingerprint), so the last answer is kept.
 */
let lastBody = { html: '', text: '' };

export function sanitizedBodyText(sanitizedHtml: string): string {
  if (sanitizedHtml !== lastBody.html) lastBody = { html: sanitizedHtml, text: sanitizedHtml.replace(/<[^>]*>/g, '').replace(/\s+/g, ' ').trim() };
  return lastBody.text;
}
