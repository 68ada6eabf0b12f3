/** The name people gave the file, without path parts or control characters, ending with the format read from its bytes. */
export function withExtension(name: string, format: 'csv' | 'xlsx'): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is removed
  const base = (name.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f"]/g, '').trim().slice(0, 200) || 'budget';
  return base.toLowerCase().endsWith(`.${format}`) ? base : `${base.replace(/\.[a-z0-9]{1,5}$/i, '')}.${format}`;
}
