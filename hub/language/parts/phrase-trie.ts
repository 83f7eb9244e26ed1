/** Phrases (token sequences) → values, matched longest first at a position: the tagger's dictionary. */
import { tokenize } from '../normalize.js';
import { nodeFor } from '../token-trie.js';

interface Node<V> {
  children: Map<string, Node<V>>;
  values?: V[];
}

export interface PhraseMatch<V> {
  end: number;
  values: readonly V[];
}

export class PhraseTrie<V> {
  private readonly root: Node<V> = { children: new Map() };

  add(phrase: string, value: V): this {
    const tokens = tokenize(phrase);
    if (tokens.length === 0) return this;
    const node = nodeFor<Node<V>>(this.root, tokens, () => ({ children: new Map() }));
    (node.values ??= []).push(value);
    return this;
  }

  /** The longest phrase starting at `pos`, if any. */
  longestAt(tokens: readonly string[], pos: number): PhraseMatch<V> | undefined {
    let node: Node<V> | undefined = this.root;
    let found: PhraseMatch<V> | undefined;
    for (let i = pos; i < tokens.length && node; i++) {
      node = node.children.get(tokens[i]!);
      if (node?.values) found = { end: i + 1, values: node.values };
    }
    return found;
  }

  has(token: string): boolean {
    return this.root.children.has(token);
  }
}
