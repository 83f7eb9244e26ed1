import { describe, expect, it } from 'vitest';
import { compileCommandTemplate, compileValueTemplate, type ValueTemplate } from './templates.js';

function compiled(t: string | undefined): ValueTemplate {
  const result = compileValueTemplate(t);
  if (typeof result === 'string') throw new Error(result);
  return result;
}

describe('value templates', () => {
  it('reads value_json paths with dots, brackets and indexes', () => {
    expect(compiled('{{ value_json.POWER }}')('{"POWER":"ON"}')).toEqual({ ok: true, value: 'ON' });
    expect(compiled("{{value_json['a b'].c}}")('{"a b":{"c":3}}')).toEqual({ ok: true, value: 3 });
    expect(compiled('{{ value_json.list[1] }}')('{"list":[5,6]}')).toEqual({ ok: true, value: 6 });
    expect(compiled(undefined)('raw')).toEqual({ ok: true, value: 'raw' });
    expect(compiled('{{ value }}')('21.5')).toEqual({ ok: true, value: '21.5' });
  });

  it('applies the supported filters', () => {
    expect(compiled('{{ value | float }}')('21.54')).toEqual({ ok: true, value: 21.54 });
    expect(compiled('{{ value_json.t | round(1) }}')('{"t":21.54}')).toEqual({ ok: true, value: 21.5 });
    expect(compiled('{{ value | int }}')('7.9')).toEqual({ ok: true, value: 7 });
    expect(compiled('{{ value_json.s | lower }}')('{"s":"OPEN"}')).toEqual({ ok: true, value: 'open' });
  });

  it('reports missing keys and non-JSON payloads instead of throwing', () => {
    expect(compiled('{{ value_json.x }}')('{"y":1}')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('"x"'),
    });
    expect(compiled('{{ value_json.x }}')('garbage')).toMatchObject({ ok: false });
    expect(compiled('{{ value_json.x.y }}')('{"x":1}')).toMatchObject({ ok: false });
  });

  it('refuses templates it cannot evaluate faithfully', () => {
    expect(compileValueTemplate('{% if value %}on{% endif %}')).toMatch(/unsupported value template/);
    expect(compileValueTemplate('{{ value_json.x | default(0) }}')).toMatch(/unsupported template filter/);
    expect(compileValueTemplate('{{ states("sensor.x") }}')).toMatch(/unsupported template expression/);
    expect(compileValueTemplate('prefix {{ value }}')).toMatch(/unsupported value template/);
  });
});

describe('command templates', () => {
  it('interpolates value and position into literal text', () => {
    const t = compileCommandTemplate('{ "position": {{ position }} }');
    expect(typeof t).toBe('function');
    expect((t as (v: object) => string)({ position: 40 })).toBe('{ "position": 40 }');
    const v = compileCommandTemplate('{"state": "{{ value }}"}') as (v: object) => string;
    expect(v({ value: 'ON' })).toBe('{"state": "ON"}');
    expect((compileCommandTemplate(undefined) as (v: object) => string)({ value: 'LOCK' })).toBe('LOCK');
  });

  it('refuses statements and value_json', () => {
    expect(compileCommandTemplate('{% for x in y %}{% endfor %}')).toMatch(/statements/);
    expect(compileCommandTemplate('{{ value_json.x }}')).toMatch(/value_json/);
    expect(compileCommandTemplate('{{ value ')).toMatch(/unterminated/);
  });
});
