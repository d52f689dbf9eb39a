/**
 * Says, once per build or dev server, that SITE_URL is not set: the pages' absolute URLs then
 * name the brand's address, and the codes and links a reader copies use the address the page is
 * served from instead (src/lib/served-address.ts). A warning, not an error: `npm start` builds
 * this way on purpose.
 */
import { currentEdition, rootEdition } from '../lib/editions';
import { getBrand } from '../config/brand-loader';
import type { AstroIntegration } from 'astro';
import { siteUrlGiven } from '../config/site-url';
import { SITE_URL_WARNING } from '../lib/served-address';

export default function siteUrl(): AstroIntegration {
  return {
    name: 'site-url',
    hooks: {
      'astro:config:setup': ({ command, logger }) => {
        // Once per site: `npm run build` builds each edition in turn, and the first build says it.
        const laterEdition = process.env.LAST_EDITION !== undefined && currentEdition() !== rootEdition(getBrand().languages);
        if ((command === 'build' || command === 'dev') && !siteUrlGiven() && !laterEdition) logger.warn(SITE_URL_WARNING);
      },
    },
  };
}
