/** Roots: `roots/list`, the client's answer about which directories or files the server may use. */
import * as z from 'zod';
import { type Meta, MetaSchema, type ResultMeta, ResultMetaSchema } from './base.js';

/** A directory or file the server may operate on; `uri` is a `file://` URI in current revisions. */
export interface Root {
  uri: string;
  name?: string | undefined;
  _meta?: Meta | undefined;
}

/** Schema of {@link Root}. */
export const RootSchema: z.ZodType<Root> = z.looseObject({
  uri: z.string(),
  name: z.string().optional(),
  _meta: MetaSchema.optional(),
});

/** The client's answer to `roots/list`. */
export interface ListRootsResult {
  roots: Root[];
  _meta?: ResultMeta | undefined;
}

/** Schema of {@link ListRootsResult}. */
export const ListRootsResultSchema: z.ZodType<ListRootsResult> = z.looseObject({
  roots: z.array(RootSchema),
  _meta: ResultMetaSchema.optional(),
});
