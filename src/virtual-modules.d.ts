/** The brand's colour and font overrides, made by src/integrations/brand.ts. */
declare module 'virtual:brand.css';
