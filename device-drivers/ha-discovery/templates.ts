/**
 * The small subset of Home Assistant's Jinja value templates that discovery configs use most:
 *   {{ value }}, {{ value_json.a.b }}, {{ value_json['a'] }}, {{ value_json.a[0] }}
 * optionally followed by filters: int, float, lower, upper, trim, round(n).
 * Command templates may also interpolate {{ value }} / {{ position }} inside literal text.
 * Anything else is refused when the config is ingested, so a device never half-works.
 */

export type Extracted = { ok: true; value: unknown } | { ok: false; reason: string };
export type ValueTemplate = (payload: string) => Extracted;

const PATH_PART = /^(?:\.([A-Za-z_][A-Za-z0-9_]*)|\[\s*'([^']*)'\s*\]|\[\s*"([^"]*)"\s*\]|\[\s*(\d+)\s*\])/;
const FILTER = /^(int|float|lower|upper|trim|round(?:\(\s*(\d)\s*\))?)$/;

interface Expression {
  root: 'value' | 'value_json' | 'position';
  path: (string | number)[];
  filters: string[];
}

function parseExpression(source: string): Expression | string {
  const [head, ...filterParts] = source.split('|').map((s) => s.trim());
  const rootMatch = /^(value_json|value|position)/.exec(head ?? '');
  if (!rootMatch) return `unsupported template expression "${source}"`;
  const root = rootMatch[1] as Expression['root'];
  let rest = (head ?? '').slice(root.length);
  const path: (string | number)[] = [];
  while (rest.length) {
    const m = PATH_PART.exec(rest);
    if (!m) return `unsupported template expression "${source}"`;
    if (m[4] !== undefined) path.push(Number(m[4]));
    else path.push((m[1] ?? m[2] ?? m[3]) as string);
    rest = rest.slice(m[0].length);
  }
  if (path.length && root !== 'value_json') return `only value_json has attributes, in "${source}"`;
  for (const f of filterParts) if (!FILTER.test(f)) return `unsupported template filter "${f}"`;
  return { root, path, filters: filterParts };
}

function applyFilters(value: unknown, filters: string[]): unknown {
  let v = value;
  for (const f of filters) {
    if (f === 'int') v = Math.trunc(Number(v)) || 0;
    else if (f === 'float') v = Number(v) || 0;
    else if (f === 'lower') v = String(v).toLowerCase();
    else if (f === 'upper') v = String(v).toUpperCase();
    else if (f === 'trim') v = String(v).trim();
    else {
      const digits = Number(/\d/.exec(f)?.[0] ?? 0);
      const factor = 10 ** digits;
      v = Math.round(Number(v) * factor) / factor;
    }
  }
  return v;
}

const WHOLE = /^\s*\{\{\s*([^{}]+?)\s*\}\}\s*$/;

/** Compiles a value template (the whole template is one expression); returns a reason if unsupported. */
export function compileValueTemplate(template: string | undefined): ValueTemplate | string {
  if (template === undefined) return (payload) => ({ ok: true, value: payload });
  const whole = WHOLE.exec(template);
  if (!whole)
    return `unsupported value template "${template}": only "{{ value_json.key }}" style templates are supported`;
  const expr = parseExpression(whole[1] as string);
  if (typeof expr === 'string') return expr;
  if (expr.root === 'position') return `"position" is not available in a value template`;
  return (payload) => {
    let value: unknown = payload;
    if (expr.root === 'value_json') {
      try {
        value = JSON.parse(payload);
      } catch {
        return { ok: false, reason: 'payload is not valid JSON but the value template reads value_json' };
      }
      for (const key of expr.path) {
        if (value === null || typeof value !== 'object')
          return { ok: false, reason: `payload has no "${expr.path.join('.')}"` };
        value = (value as Record<string | number, unknown>)[key];
      }
      if (value === undefined) return { ok: false, reason: `payload has no "${expr.path.join('.')}"` };
    }
    return { ok: true, value: applyFilters(value, expr.filters) };
  };
}

export type CommandTemplate = (vars: { value?: unknown; position?: unknown }) => string;

/** Compiles a command template: literal text with `{{ value }}` / `{{ position }}` placeholders. */
export function compileCommandTemplate(template: string | undefined): CommandTemplate | string {
  if (template === undefined) return (vars) => String(vars.value ?? vars.position ?? '');
  if (template.includes('{%')) return `unsupported command template "${template}": statements are not supported`;
  const pieces: (string | Expression)[] = [];
  let rest = template;
  for (;;) {
    const start = rest.indexOf('{{');
    if (start < 0) break;
    const end = rest.indexOf('}}', start);
    if (end < 0) return `unterminated "{{" in command template "${template}"`;
    pieces.push(rest.slice(0, start));
    const expr = parseExpression(rest.slice(start + 2, end).trim());
    if (typeof expr === 'string') return expr;
    if (expr.root === 'value_json') return `value_json is not available in a command template`;
    pieces.push(expr);
    rest = rest.slice(end + 2);
  }
  pieces.push(rest);
  return (vars) =>
    pieces
      .map((p) => (typeof p === 'string' ? p : String(applyFilters(vars[p.root as 'value' | 'position'], p.filters))))
      .join('');
}
