/** URL slugs: lower-case ASCII words joined by hyphens; CJK text is kept as-is, since browsers show it readably. */
const MAX_SLUG_LENGTH = 80;

export function slugify(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^\p{Letter}\p{Number}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return truncateAtHyphen(slug, MAX_SLUG_LENGTH);
}

function truncateAtHyphen(slug: string, max: number): string {
  const chars = [...slug];
  if (chars.length <= max) return slug;
  const cut = chars.slice(0, max).join('');
  const lastHyphen = cut.lastIndexOf('-');
  return (lastHyphen > max / 2 ? cut.slice(0, lastHyphen) : cut).replace(/-+$/, '');
}

/** "money-fx" → "Money Fx": a readable name for a taxonomy term that came only as a code. */
export function nameFromSlug(slug: string): string {
  return slug
    .split(/[-_\s]+/)
    .filter(Boolean)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
}
