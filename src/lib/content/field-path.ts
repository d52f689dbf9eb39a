/**
 * How a problem names the field it is in: 'rows[2].label', 'changes[0].text'. One form for the
 * content check, the chart check and the brand file, so editors read every refusal the same way.
 */
export function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((s, k) => (typeof k === 'number' ? `${s}[${k}]` : s ? `${s}.${String(k)}` : String(k)), '');
}
