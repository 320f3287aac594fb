/**
 * Apollo Server's document store (parsed and validated documents, by query hash), bounded by the memory its
 * entries hold rather than by their JSON length.
 *
 * Apollo's default store is an LRU of 30 MiB measured with `JSON.stringify(document).length`. A parsed document
 * holds far more than its JSON: every token of the source as a linked object, an AST node per selection with
 * its location (and, until issue 20, a graphql-jit function compiled from it). Measured on unique 600-field
 * documents: about 90 KB of JSON, 300 KB of heap parsed and validated, 400 KB once compiled, so the 30 MiB
 * "of JSON" held about 130 MB, and RSS sat near 800 MB under a stream of such documents (issue 24).
 *
 * Here an entry is sized by its tokens (the lexer's linked list, walked once when it is stored) times what a
 * token costs in the heap with everything that hangs off the document, and the store holds `maxBytes` of that.
 */
import type { DocumentStore } from '@apollo/server';
import type { DocumentNode } from 'graphql';

/**
 * Heap per source token, all included: 500-650 bytes measured for parsed, validated and compiled documents
 * (node --expose-gc, heapUsed over 200 unique documents of 600 tokens), rounded up. Nothing is compiled since
 * graphql-jit went (issue 20), so this now overstates an entry: the store holds less than `maxBytes`, never more.
 */
export const BYTES_PER_TOKEN = 1024;

/** What a stored document holds in the heap, from its token count. */
export function documentBytes(document: DocumentNode): number {
  let tokens = 0;
  for (let token = document.loc?.startToken ?? null; token; token = token.next) tokens++;
  return Math.max(tokens, 1) * BYTES_PER_TOKEN;
}

/** An LRU of parsed documents holding at most `maxBytes` by `documentBytes`. */
export class SizedDocumentStore implements DocumentStore {
  /** Map order is recency order: a hit is moved to the end, the oldest entry is the first. */
  readonly #entries = new Map<string, { document: DocumentNode; bytes: number }>();
  readonly #maxBytes: number;
  #bytes = 0;

  constructor(maxBytes: number) {
    this.#maxBytes = maxBytes;
  }

  /** Bytes held now, by `documentBytes`. */
  get bytes(): number {
    return this.#bytes;
  }

  get size(): number {
    return this.#entries.size;
  }

  async get(key: string): Promise<DocumentNode | undefined> {
    const entry = this.#entries.get(key);
    if (!entry) return undefined;
    this.#entries.delete(key);
    this.#entries.set(key, entry);
    return entry.document;
  }

  async set(key: string, document: DocumentNode): Promise<void> {
    await this.delete(key);
    const bytes = documentBytes(document);
    // A document larger than the whole store is not kept (as lru-cache does): it would evict everything else.
    if (bytes > this.#maxBytes) return;
    this.#entries.set(key, { document, bytes });
    this.#bytes += bytes;
    for (const [oldest, entry] of this.#entries) {
      if (this.#bytes <= this.#maxBytes) break;
      this.#entries.delete(oldest);
      this.#bytes -= entry.bytes;
    }
  }

  async delete(key: string): Promise<boolean> {
    const entry = this.#entries.get(key);
    if (!entry) return false;
    this.#entries.delete(key);
    this.#bytes -= entry.bytes;
    return true;
  }
}
