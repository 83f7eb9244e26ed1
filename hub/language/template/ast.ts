/** The parsed form of a sentence template. */
export type TemplateNode =
  | { kind: 'seq'; items: TemplateNode[] }
  | { kind: 'alt'; options: TemplateNode[]; optional: boolean }
  | { kind: 'word'; token: string }
  | { kind: 'slot'; list: string; slot: string }
  | { kind: 'rule'; name: string };
