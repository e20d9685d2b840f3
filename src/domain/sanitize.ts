/**
 * The body allowlist. Every body that reaches the store passes through here, whatever its origin (import, demo,
 * later the editor and wire feeds), so the reader site can print stored HTML as-is.
 */
import sanitizeHtml from 'sanitize-html';

const bodyPolicy: sanitizeHtml.IOptions = {
  allowedTags: [
    'p', 'h2', 'h3', 'h4', 'blockquote', 'ul', 'ol', 'li', 'a', 'strong', 'em', 'b', 'i', 'br',
    'figure', 'figcaption', 'img', 'cite', 'q', 'sub', 'sup', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'pre',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'rel'],
    img: ['src', 'alt', 'width', 'height'],
    th: ['scope'],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: {
    // Outbound links must not leak the reader's page or let the target script it.
    a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer nofollow' }),
    // Relative image paths are the site's own media; keep them.
  },
};

export function sanitizeBodyHtml(html: string): string {
  return sanitizeHtml(html, bodyPolicy).trim();
}

/** Strips every tag: for headlines, standfirsts and text the site prints in attributes. */
export function stripTags(html: string): string {
  return sanitizeHtml(html, { allowedTags: [], allowedAttributes: {} }).replace(/\s+/g, ' ').trim();
}
