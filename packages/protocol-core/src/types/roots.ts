/** Roots: `roots/list`, the client's answer about which directories or files the server may use. */
import * as z from 'zod/mini';
import { type Meta, MetaSchema, type ResultMeta, ResultMetaSchema } from './base.js';

/** A directory or file the server may operate on; `uri` is a `file://` URI in current revisions. */
export interface Root {
  uri: string;
  name?: string | undefined;
  _meta?: Meta | undefined;
}

/** Schema of {@link Root}. */
export const RootSchema: z.ZodMiniType<Root> = z.looseObject({
  uri: z.string(),
  name: z.optional(z.string()),
  _meta: z.optional(MetaSchema),
});

/** The client's answer to `roots/list`. */
export interface ListRootsResult {
  roots: Root[];
  _meta?: ResultMeta | undefined;
}

/** Schema of {@link ListRootsResult}. */
export const ListRootsResultSchema: z.ZodMiniType<ListRootsResult> = z.looseObject({
  roots: z.array(RootSchema),
  _meta: z.optional(ResultMetaSchema),
});
