/**
 * Static assets served from memory under content-hashed names, so they can be cached for a year: the stylesheet and
 * the demo's illustrations. Files are read from `src/` whether running from `src/` or from `dist/`.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Asset {
  body: Buffer;
  contentType: string;
}

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const contentTypes: Record<string, string> = { '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml' };

export class AssetStore {
  private readonly byPath = new Map<string, Asset>();
  readonly stylesheetPath: string;

  constructor() {
    const css = fs.readFileSync(path.join(repoRoot, 'src/site/assets/site.css'));
    const hash = createHash('sha256').update(css).digest('hex').slice(0, 12);
    this.stylesheetPath = `/assets/site.${hash}.css`;
    this.byPath.set(this.stylesheetPath, { body: css, contentType: contentTypes['.css']! });

    const demoDir = path.join(repoRoot, 'src/demo/images');
    if (fs.existsSync(demoDir)) {
      for (const name of fs.readdirSync(demoDir).filter((n) => n.endsWith('.svg')).sort()) {
        this.byPath.set(`/assets/demo/${name}`, {
          body: fs.readFileSync(path.join(demoDir, name)),
          contentType: contentTypes['.svg']!,
        });
      }
    }
  }

  get(urlPath: string): Asset | undefined {
    return this.byPath.get(urlPath);
  }
}
