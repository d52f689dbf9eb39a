/**
 * The W3C Nu Html Checker (npm vnu-jar, run with the machine's Java) over built HTML files:
 * returns its errors (warnings are not failures). One Java start for all files.
 */
import { spawnSync } from 'node:child_process';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ROOT } from './builds.ts';

export const VNU_JAR = `${ROOT}node_modules/vnu-jar/build/dist/vnu.jar`;

export interface VnuMessage {
  type: string;
  subType?: string;
  url: string;
  message: string;
  extract?: string;
  lastLine?: number;
  firstColumn?: number;
}

export function validateHtml(files: string[], root = ROOT): VnuMessage[] {
  if (!files.length) return [];
  const run = spawnSync('java', ['-Xss1024k', '-jar', VNU_JAR, '--errors-only', '--format', 'json', ...files], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.error) throw new Error(`could not run java for vnu.jar (install a JRE: apt-get install -y default-jre-headless): ${run.error.message}`);
  // vnu prints its JSON report on stderr and exits 1 when it found errors.
  let report: { messages?: VnuMessage[] };
  try {
    report = JSON.parse(run.stderr || run.stdout);
  } catch {
    throw new Error(`vnu.jar did not print a JSON report (exit ${run.status}):\n${run.stderr}${run.stdout}`);
  }
  return (report.messages ?? [])
    .filter((m) => m.type === 'error' || m.type === 'non-document-error')
    .map((m) => ({ ...m, url: m.url?.startsWith('file:') ? relative(root, fileURLToPath(m.url)) : m.url }));
}

export function formatVnu(messages: VnuMessage[]): string {
  return messages.map((m) => `${m.url}:${m.lastLine ?? '?'}:${m.firstColumn ?? '?'}: ${m.message}${m.extract ? `\n    ${m.extract.replace(/\s+/g, ' ').slice(0, 160)}` : ''}`).join('\n');
}
