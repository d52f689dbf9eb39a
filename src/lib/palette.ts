/**
 * The one palette. CSS custom properties in src/styles/tokens.css carry the same values
 * (a unit test compares them), and chart configurations read colours from here, so a chart
 * drawn at build time, a chart drawn in the browser and the page around them agree.
 * Every text/background pair meets WCAG AA (4.5:1) in its mode.
 */
export const palette = {
  light: {
    bg: '#ffffff',
    surface: '#f4f5f7',
    text: '#1a1d21',
    muted: '#4d5560',
    border: '#c9ced6',
    accent: '#0b57b0',
    focus: '#b3470b',
    series: ['#0b57b0', '#b3470b', '#2e7d32', '#6a3d9a', '#8a6d00'],
    context: '#757c86',
    lowConfidence: '#9aa3ad',
  },
  dark: {
    bg: '#121417',
    surface: '#1d2126',
    text: '#eceef1',
    muted: '#aab2bd',
    border: '#3a414a',
    accent: '#7cb4ff',
    focus: '#ffb27c',
    series: ['#7cb4ff', '#ffb27c', '#7fd08a', '#c3a6f0', '#e6cc63'],
    context: '#8d96a1',
    lowConfidence: '#5f6873',
  },
} as const;

export type Mode = keyof typeof palette;
