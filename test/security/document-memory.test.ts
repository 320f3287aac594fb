/**
 * Unique documents near the token limit (issue 24): one field repeated hundreds of times, each document made
 * unique by one alias, made validation quadratic (every pair compared) and filled Apollo's document store, which
 * measured them by JSON length, with several times that in heap. One response name is now selected at most
 * `maxRepeatedField` times in a selection set, refused before graphql-js's rules walk the document, and the
 * store holds a fixed amount of heap by its entries' tokens. The process's RSS under a stream of such documents
 * is measured by `bench/documents.ts` (figures in docs/reliability.md).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { parse, type DocumentNode } from 'graphql';
import { BYTES_PER_TOKEN, documentBytes, SizedDocumentStore } from '../../src/graph/document-store.js';
import { DEFAULT_LIMITS } from '../../src/graph/query-limits.js';
import { startStack, type Stack } from '../support/stack.js';

describe('repeated fields over HTTP', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack.close());

  async function post(query: string) {
    const response = await fetch(stack.app.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    });
    return {
      status: response.status,
      body: (await response.json()) as {
        data?: unknown;
        errors?: Array<{ message: string; extensions?: { code?: string } }>;
      },
    };
  }

  it('refuses one field selected 600 times, each document unique by an alias, before any upstream call', async () => {
    await stack.control.resetCalls();
    for (let unique = 0; unique < 20; unique++) {
      const { status, body } = await post(
        `{ technician(id: "tech_1") { a${unique}: id ${'name '.repeat(600)}} }`,
      );
      expect(status).toBe(400);
      expect(body.errors).toEqual([
        expect.objectContaining({
          message: expect.stringContaining('"name" is selected more than 10 times in one selection set'),
          extensions: expect.objectContaining({ code: 'GRAPHQL_VALIDATION_FAILED' }),
        }),
      ]);
    }
    expect((await stack.control.calls()).total).toBe(0);
  });

  it('counts the copies inline fragments add to the same selection set', async () => {
    const copies = '... on Query { __typename } '.repeat(DEFAULT_LIMITS.maxRepeatedField + 1);

    const { status } = await post(`{ ${copies}}`);

    expect(status).toBe(400);
  });

  it('answers a field repeated up to the limit, as a query planner may repeat __typename', async () => {
    const repeated = '__typename '.repeat(DEFAULT_LIMITS.maxRepeatedField);

    const { status, body } = await post(`{ ${repeated}}`);

    expect(status).toBe(200);
    expect(body).toEqual({ data: { __typename: 'Query' } });
  });
});

describe('the document store', () => {
  function unique(index: number, fields: number): DocumentNode {
    return parse(`{ a${index}: __typename ${'technician(id: "tech_1") { id } '.repeat(fields)}}`);
  }

  it('sizes a document by its tokens, so a long one weighs what it holds', () => {
    const short = unique(1, 1);
    const long = unique(1, 100);

    // `{ a1 : __typename technician ( id : "tech_1" ) { id } }` is 14 tokens plus start and end of file.
    expect(documentBytes(short)).toBe(16 * BYTES_PER_TOKEN);
    expect(documentBytes(long)).toBe((16 + 99 * 9) * BYTES_PER_TOKEN);
  });

  it('never holds more than its budget, evicting the least recently used first', async () => {
    const budget = 200 * 1024;
    const store = new SizedDocumentStore(budget);
    const documents = Array.from({ length: 50 }, (_, index) => unique(index, 10));
    const each = documentBytes(documents[0]!);

    await store.set('kept', documents[0]!);
    for (let index = 1; index < documents.length; index++) {
      await store.set(String(index), documents[index]!);
      // Reading an entry makes it the most recent: it outlives everything stored before the reading.
      expect(await store.get('kept')).toBe(documents[0]);
      expect(store.bytes).toBeLessThanOrEqual(budget);
    }

    expect(store.size).toBe(Math.floor(budget / each));
    expect(await store.get('1')).toBeUndefined();
    expect(await store.get(String(documents.length - 1))).toBe(documents[documents.length - 1]);
  });

  it('does not keep a document larger than the whole store', async () => {
    const store = new SizedDocumentStore(10 * BYTES_PER_TOKEN);
    await store.set('small', parse('{ __typename }'));

    await store.set('huge', unique(0, 5));

    expect(await store.get('huge')).toBeUndefined();
    expect(await store.get('small')).toBeDefined();
  });
});
