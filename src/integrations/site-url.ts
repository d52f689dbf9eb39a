/**
 * Says, once per build or dev server, that SITE_URL is not set: the pages' absolute URLs then
 * name the brand's address, and the codes and links a reader copies use the address the page is
 * served from instead (src/lib/served-address.ts). A warning, not an error: `npm start` builds
 * this way on purpose.
 */
import type { AstroIntegration } from 'astro';
import { siteUrlGiven } from '../config/site-url';
import { SITE_URL_WARNING } from '../lib/served-address';

export default function siteUrl(): AstroIntegration {
  return {
    name: 'site-url',
    hooks: {
      'astro:config:setup': ({ command, logger }) => {
        if ((command === 'build' || command === 'dev') && !siteUrlGiven()) logger.warn(SITE_URL_WARNING);
      },
    },
  };
}
