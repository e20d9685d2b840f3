/**
 * Escaping by default: `html` interpolates strings escaped, arrays joined, and `SafeHtml` (already rendered or
 * sanitized markup) as-is. Nothing else may put raw text into a page.
 */
import { escapeHtml } from './text.js';

export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

type Interpolation = SafeHtml | string | number | null | undefined | false | Interpolation[];

function render(value: Interpolation): string {
  if (value === null || value === undefined || value === false) return '';
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: Interpolation[]): SafeHtml {
  let out = strings[0] ?? '';
  for (let i = 0; i < values.length; i++) out += render(values[i]) + (strings[i + 1] ?? '');
  return new SafeHtml(out);
}

/** Marks markup that was sanitized on the way into the store (article bodies) as safe to print. */
export function trusted(markup: string): SafeHtml {
  return new SafeHtml(markup);
}
