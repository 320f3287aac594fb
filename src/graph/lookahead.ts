/**
 * Look-ahead: upstream calls that need nothing from an earlier answer start together with it, saving a round
 * trip each.
 * - A single session: its chat, files and report need only its id. This costs nothing more than the resolvers
 *   would spend anyway, except when the session does not exist (those calls then answer 404 too).
 * - A page of sessions showing their technicians: when the organisation's technicians fit in one list page, that
 *   page is the call the technicians would cost anyway (for two or more of them), so it starts with the sessions.
 *   Not for filtered pages, which are more often empty or all one technician's.
 */
import type { FieldNode, GraphQLResolveInfo, SelectionSetNode } from 'graphql';
import { Kind } from 'graphql';
import type { Context } from './context.js';

/**
 * The fields selected directly in these selection sets, through fragments, by name. Each selection set is read
 * once, as graphql-js's own field collection does: a fragment spread twice adds nothing new, and one that spreads
 * the next twice over twenty levels would otherwise be read a million times (issue 24).
 */
function fieldsOf(info: GraphQLResolveInfo, selectionSets: ReadonlyArray<SelectionSetNode | undefined>) {
  const fields = new Map<string, FieldNode[]>();
  const seen = new Set<SelectionSetNode>();
  const visit = (selectionSet: SelectionSetNode | undefined) => {
    if (!selectionSet || seen.has(selectionSet)) return;
    seen.add(selectionSet);
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD)
        fields.set(selection.name.value, [...(fields.get(selection.name.value) ?? []), selection]);
      else if (selection.kind === Kind.INLINE_FRAGMENT) visit(selection.selectionSet);
      else visit(info.fragments[selection.name.value]?.selectionSet);
    }
  };
  selectionSets.forEach(visit);
  return fields;
}

/** The field names selected directly on the field being resolved, through fragments. */
function selectedFields(info: GraphQLResolveInfo): Set<string> {
  return new Set(
    fieldsOf(
      info,
      info.fieldNodes.map((node) => node.selectionSet),
    ).keys(),
  );
}

/** Whether the selection reaches `path` (field names, e.g. `['nodes', 'technician']`) below the current field. */
function selects(info: GraphQLResolveInfo, path: readonly string[]): boolean {
  let level: readonly FieldNode[] = info.fieldNodes;
  for (const name of path) {
    level =
      fieldsOf(
        info,
        level.map((node) => node.selectionSet),
      ).get(name) ?? [];
    if (level.length === 0) return false;
  }
  return true;
}

const ignore = () => undefined;

export function prefetchSessionParts(ctx: Context, sessionId: string, info: GraphQLResolveInfo): void {
  const wanted = selectedFields(info);
  // The resolvers await these same loader promises later; a failure is reported there, at its own path.
  if (wanted.has('chatMessages')) ctx.loaders.chatBySession.load(sessionId).catch(ignore);
  if (wanted.has('files')) ctx.loaders.filesBySession.load(sessionId).catch(ignore);
  if (wanted.has('details')) ctx.loaders.detailsBySession.load(sessionId).catch(ignore);
}

export function prefetchSessionPageParts(ctx: Context, filtered: boolean, info: GraphQLResolveInfo): void {
  if (filtered) return;
  if (selects(info, ['nodes', 'technician']) || selects(info, ['edges', 'node', 'technician']))
    ctx.loaders.prefetchTechnicianRoster();
}
