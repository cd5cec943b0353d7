/**
 * Content blocks (text, image, audio, resource link, embedded resource, tool use, tool result) and
 * the resource shapes they carry. One schema per block accepts every revision's members; a block
 * type that a revision lacks (audio before 2025-03-26, resource_link before 2025-06-18) is still
 * accepted, since it changes no other block's meaning.
 */
import * as z from 'zod/mini';
import {
  type Annotations,
  AnnotationsSchema,
  type Icon,
  IconSchema,
  JSONObjectSchema,
  type Meta,
  MetaSchema,
} from './base.js';

const meta = z.optional(MetaSchema);
const annotations = z.optional(AnnotationsSchema);

/** A resource the server can read: what `resources/list` returns and a resource link points to. */
export interface Resource {
  uri: string;
  name: string;
  title?: string | undefined;
  description?: string | undefined;
  mimeType?: string | undefined;
  /** Size in bytes of the raw content, where known. */
  size?: number | undefined;
  annotations?: Annotations | undefined;
  icons?: Icon[] | undefined;
  _meta?: Meta | undefined;
}

const resourceShape = {
  uri: z.string(),
  name: z.string(),
  title: z.optional(z.string()),
  description: z.optional(z.string()),
  mimeType: z.optional(z.string()),
  size: z.optional(z.int()),
  annotations,
  icons: z.optional(z.array(IconSchema)),
  _meta: meta,
};

/** Schema of {@link Resource}. */
export const ResourceSchema: z.ZodMiniType<Resource> = z.looseObject(resourceShape);

/** The text contents of a resource. */
export interface TextResourceContents {
  uri: string;
  mimeType?: string | undefined;
  text: string;
  _meta?: Meta | undefined;
}

/** The binary contents of a resource, base64-encoded. */
export interface BlobResourceContents {
  uri: string;
  mimeType?: string | undefined;
  blob: string;
  _meta?: Meta | undefined;
}

/** Either kind of resource contents. */
export type ResourceContents = TextResourceContents | BlobResourceContents;

const textResourceContents = z.looseObject({
  uri: z.string(),
  mimeType: z.optional(z.string()),
  text: z.string(),
  _meta: meta,
});
const blobResourceContents = z.looseObject({
  uri: z.string(),
  mimeType: z.optional(z.string()),
  blob: z.base64(),
  _meta: meta,
});

/** Schema of {@link TextResourceContents}. */
export const TextResourceContentsSchema: z.ZodMiniType<TextResourceContents> = textResourceContents;
/** Schema of {@link BlobResourceContents}. */
export const BlobResourceContentsSchema: z.ZodMiniType<BlobResourceContents> = blobResourceContents;
/** Schema of {@link ResourceContents}. */
export const ResourceContentsSchema: z.ZodMiniType<ResourceContents> = z.union([
  textResourceContents,
  blobResourceContents,
]);

/** Plain text. */
export interface TextContent {
  type: 'text';
  text: string;
  annotations?: Annotations | undefined;
  _meta?: Meta | undefined;
}

/** An image, base64-encoded. */
export interface ImageContent {
  type: 'image';
  data: string;
  mimeType: string;
  annotations?: Annotations | undefined;
  _meta?: Meta | undefined;
}

/** Audio, base64-encoded (2025-03-26 and later). */
export interface AudioContent {
  type: 'audio';
  data: string;
  mimeType: string;
  annotations?: Annotations | undefined;
  _meta?: Meta | undefined;
}

/** A link to a resource the client may read (2025-06-18 and later). */
export interface ResourceLink extends Resource {
  type: 'resource_link';
}

/** A resource's contents, embedded. */
export interface EmbeddedResource {
  type: 'resource';
  resource: ResourceContents;
  annotations?: Annotations | undefined;
  _meta?: Meta | undefined;
}

/** A model's request to call a tool, in sampling (2025-11-25 and later). */
export interface ToolUseContent {
  type: 'tool_use';
  /** Matches the `toolUseId` of the result. */
  id: string;
  name: string;
  input: { [key: string]: unknown };
  _meta?: Meta | undefined;
}

/**
 * The result of a tool use, in sampling (2025-11-25 and later). `structuredContent` is any JSON
 * value: 2025-11-25 says object, 2026-07-28 allows any, and we accept both.
 */
export interface ToolResultContent {
  type: 'tool_result';
  toolUseId: string;
  content: ContentBlock[];
  structuredContent?: unknown;
  isError?: boolean | undefined;
  _meta?: Meta | undefined;
}

/** A block of content in a tool result, prompt message or embedded resource. */
export type ContentBlock = TextContent | ImageContent | AudioContent | ResourceLink | EmbeddedResource;

/** A block of content in a sampling message. */
export type SamplingContent = TextContent | ImageContent | AudioContent | ToolUseContent | ToolResultContent;

const text = z.looseObject({ type: z.literal('text'), text: z.string(), annotations, _meta: meta });
const image = z.looseObject({
  type: z.literal('image'),
  data: z.base64(),
  mimeType: z.string(),
  annotations,
  _meta: meta,
});
const audio = z.looseObject({
  type: z.literal('audio'),
  data: z.base64(),
  mimeType: z.string(),
  annotations,
  _meta: meta,
});
const resourceLink = z.looseObject({ ...resourceShape, type: z.literal('resource_link') });
const embeddedResource = z.looseObject({
  type: z.literal('resource'),
  resource: ResourceContentsSchema,
  annotations,
  _meta: meta,
});
const contentBlock = z.discriminatedUnion('type', [text, image, audio, resourceLink, embeddedResource]);
const toolUse = z.looseObject({
  type: z.literal('tool_use'),
  id: z.string(),
  name: z.string(),
  input: JSONObjectSchema,
  _meta: meta,
});
const toolResult = z.looseObject({
  type: z.literal('tool_result'),
  toolUseId: z.string(),
  content: z.array(contentBlock),
  structuredContent: z.optional(z.unknown()),
  isError: z.optional(z.boolean()),
  _meta: meta,
});

/** Schema of {@link TextContent}. */
export const TextContentSchema: z.ZodMiniType<TextContent> = text;
/** Schema of {@link ImageContent}. */
export const ImageContentSchema: z.ZodMiniType<ImageContent> = image;
/** Schema of {@link AudioContent}. */
export const AudioContentSchema: z.ZodMiniType<AudioContent> = audio;
/** Schema of {@link ResourceLink}. */
export const ResourceLinkSchema: z.ZodMiniType<ResourceLink> = resourceLink;
/** Schema of {@link EmbeddedResource}. */
export const EmbeddedResourceSchema: z.ZodMiniType<EmbeddedResource> = embeddedResource;
/** Schema of {@link ToolUseContent}. */
export const ToolUseContentSchema: z.ZodMiniType<ToolUseContent> = toolUse;
/** Schema of {@link ToolResultContent}. */
export const ToolResultContentSchema: z.ZodMiniType<ToolResultContent> = toolResult;
/** Schema of {@link ContentBlock}, discriminated by `type`. */
export const ContentBlockSchema: z.ZodMiniType<ContentBlock> = contentBlock;
/** Schema of {@link SamplingContent}, discriminated by `type`. */
export const SamplingContentSchema: z.ZodMiniType<SamplingContent> = z.discriminatedUnion('type', [
  text,
  image,
  audio,
  toolUse,
  toolResult,
]);
