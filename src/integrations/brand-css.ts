/**
 * Makes the brand's colours and fonts reach the page's CSS without touching the strict CSP:
 * a virtual stylesheet, `virtual:brand.css`, imported by BaseHead, is bundled by Vite into the
 * site's own CSS file (no style attribute, no inline <style>). It holds only the values that
 * differ from src/styles/tokens.css, so the house brand adds no bytes. The brand file is read
 * (and checked) when the config is set up, so a wrong brand stops the build before any page.
 */
import type { AstroIntegration } from 'astro';
import { brandCss } from '../lib/brand-palette';
import { getBrand } from '../config/brand-loader';

const ID = 'virtual:brand.css';
// Vite recognises CSS by the extension, so the resolved id keeps '.css' after the \0 prefix.
const RESOLVED = `\0${ID}`;

export default function brandCssIntegration(): AstroIntegration {
  return {
    name: 'brand-css',
    hooks: {
      'astro:config:setup': ({ updateConfig, logger }) => {
        const brand = getBrand();
        const css = brandCss(brand.palette, brand.fonts);
        logger.info(`brand "${brand.name}" from ${brand.file}${css ? ' (with colour or font overrides)' : ''}`);
        updateConfig({
          vite: {
            plugins: [
              {
                name: 'brand-css',
                resolveId: (id: string) => (id === ID ? RESOLVED : undefined),
                load: (id: string) => (id === RESOLVED ? css || '/* house brand: no overrides */' : undefined),
              },
            ],
          },
        });
      },
    },
  };
}
