/** <base>embed.js: the responsive iframe's host script newsrooms paste (src/scripts/embed-host.ts). */
import type { APIRoute } from 'astro';
import { classicScript } from '@/lib/embed/classic-script';

export const GET: APIRoute = () => classicScript('scripts/embed-host.ts');
