/** The one way a phrase goes into a token trie (slot lists, the tagger's PhraseTrie): a node per token, shared prefixes. */
export interface TokenTrieNode<N> {
  children: Map<string, N>;
}

/** The node at the end of `tokens` below `root`, with the nodes on the way made by `make` where missing. */
export function nodeFor<N extends TokenTrieNode<N>>(root: N, tokens: readonly string[], make: () => N): N {
  let node = root;
  for (const token of tokens) {
    let next = node.children.get(token);
    if (!next) {
      next = make();
      node.children.set(token, next);
    }
    node = next;
  }
  return node;
}
