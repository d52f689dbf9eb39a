/** The brand's colour and font overrides, made by src/integrations/brand-css.ts. */
declare module 'virtual:brand.css';
