/**
 * Look-ahead for a single session: its chat, files and report need only its id, so when the selection asks for
 * them they start together with the session itself. That saves one upstream round trip (the difference between
 * "session, then the rest" and "all at once"), and costs nothing more than the resolvers would spend anyway,
 * except when the session does not exist (those calls then answer 404 too).
 */
import type { FieldNode, GraphQLResolveInfo, SelectionSetNode } from 'graphql';
import { Kind } from 'graphql';
import type { Context } from './context.js';

/** The field names selected directly on the field being resolved, through fragments. */
export function selectedFields(info: GraphQLResolveInfo): Set<string> {
  const names = new Set<string>();
  const visit = (selectionSet: SelectionSetNode | undefined) => {
    for (const selection of selectionSet?.selections ?? []) {
      if (selection.kind === Kind.FIELD) names.add(selection.name.value);
      else if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet);
      else visit(info.fragments[selection.name.value]?.selectionSet);
    }
  };
  info.fieldNodes.forEach((node: FieldNode) => visit(node.selectionSet));
  return names;
}

const ignore = () => undefined;

export function prefetchSessionParts(ctx: Context, sessionId: string, info: GraphQLResolveInfo): void {
  const wanted = selectedFields(info);
  // The resolvers await these same loader promises later; a failure is reported there, at its own path.
  if (wanted.has('chatMessages')) ctx.loaders.chatBySession.load(sessionId).catch(ignore);
  if (wanted.has('files')) ctx.loaders.filesBySession.load(sessionId).catch(ignore);
  if (wanted.has('details')) ctx.loaders.detailsBySession.load(sessionId).catch(ignore);
}
