/** <base>embed/element.js: the script embed, without an iframe (src/scripts/embed-element.ts). */
import type { APIRoute } from 'astro';
import { classicScript } from '@/lib/embed/classic-script';

export const GET: APIRoute = () => classicScript('scripts/embed-element.ts');
