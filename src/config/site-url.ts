/**
 * Whether the build was told where the site lives (SITE_URL), or fell back to the brand's url.
 * Read at build time only (astro.config.mjs and components' front matter); without it, the
 * codes and links a reader copies are marked for the served address (src/lib/served-address.ts).
 */
export const siteUrlGiven = (): boolean => Boolean(process.env.SITE_URL?.trim());
