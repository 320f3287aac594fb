/**
 * PageInfo as the Relay connection spec has it, as a Relay or Apollo client pages through technicians: the first
 * page has nothing before it, a page after a cursor has, and the start and end cursors are the page's first and
 * last edges' cursors. One upstream call per page.
 */
import { startStack, type Stack } from '../support/stack.js';

let stack: Stack;

beforeAll(async () => {
  stack = await startStack();
});

afterAll(() => stack.close());

interface PageAnswer {
  technicians: {
    edges: Array<{ cursor: string; node: { id: string } }>;
    pageInfo: {
      hasNextPage: boolean;
      hasPreviousPage: boolean;
      startCursor: string | null;
      endCursor: string | null;
    };
  };
}

const PAGE = `query Page($after: String) {
  technicians(first: 2, after: $after) {
    edges { cursor node { id } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;

async function page(after: string | null) {
  await stack.control.resetCalls();
  const answer = await stack.graphql<PageAnswer>(PAGE, { after });
  expect(answer.errors).toBeUndefined();
  expect((await stack.control.calls()).total).toBe(1);
  const technicians = answer.data?.technicians;
  if (!technicians) throw new Error('no technicians page');
  return technicians;
}

describe('PageInfo', () => {
  it('says the first page has nothing before it, and spans its edges with start and end cursors', async () => {
    const first = await page(null);

    expect(first.edges).toHaveLength(2);
    expect(first.pageInfo).toEqual({
      hasNextPage: true,
      hasPreviousPage: false,
      startCursor: first.edges[0]!.cursor,
      endCursor: first.edges[1]!.cursor,
    });
  });

  it('says a page after a cursor has one before it, and starts where the previous ended', async () => {
    const first = await page(null);
    const second = await page(first.pageInfo.endCursor);

    expect(second.edges).toHaveLength(2);
    expect(second.pageInfo.hasPreviousPage).toBe(true);
    expect(second.pageInfo.startCursor).toBe(second.edges[0]!.cursor);
    expect(second.pageInfo.endCursor).toBe(second.edges[1]!.cursor);
    expect(second.edges.map((edge) => edge.node.id)).not.toContain(first.edges[1]!.node.id);
  });

  it('has no start or end cursor on an empty page', async () => {
    await stack.control.resetCalls();
    const answer = await stack.graphql<{
      customers: { pageInfo: { hasPreviousPage: boolean; startCursor: null; endCursor: null } };
    }>(`{ customers(filter: { email: "nobody-at-all@example.com" }) {
           pageInfo { hasPreviousPage startCursor endCursor } } }`);

    expect(answer.errors).toBeUndefined();
    expect(answer.data?.customers.pageInfo).toEqual({
      hasPreviousPage: false,
      startCursor: null,
      endCursor: null,
    });
    expect((await stack.control.calls()).total).toBe(1);
  });
});
