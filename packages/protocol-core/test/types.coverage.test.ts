/**
 * Our schemas declare every member the official schemas define, in every revision: a member we did
 * not declare would pass through unchecked (our objects are loose), so this catches a forgotten or
 * misspelt field.
 */
import { describe, expect, it } from 'vitest';
import type * as z from 'zod/mini';
import { SUPPORTED_PROTOCOL_VERSIONS } from '../src/index.js';
import {
  AnnotationsSchema,
  AudioContentSchema,
  BlobResourceContentsSchema,
  BooleanSchemaSchema,
  ClientCapabilitiesSchema,
  ContentBlockSchema,
  EmbeddedResourceSchema,
  IconSchema,
  ImageContentSchema,
  ImplementationSchema,
  LegacyTitledEnumSchemaSchema,
  ModelPreferencesSchema,
  NumberSchemaSchema,
  PromptArgumentSchema,
  PromptMessageSchema,
  PromptSchema,
  PrimitiveSchemaDefinitionSchema,
  ResourceLinkSchema,
  ResourceSchema,
  ResourceTemplateSchema,
  RootSchema,
  SamplingContentSchema,
  SamplingMessageSchema,
  ServerCapabilitiesSchema,
  StringSchemaSchema,
  TaskSchema,
  TextContentSchema,
  TextResourceContentsSchema,
  TitledMultiSelectEnumSchemaSchema,
  TitledSingleSelectEnumSchemaSchema,
  ToolAnnotationsSchema,
  ToolResultContentSchema,
  ToolSchema,
  ToolUseContentSchema,
  UntitledMultiSelectEnumSchemaSchema,
  UntitledSingleSelectEnumSchemaSchema,
  listMethodSpecs,
} from '../src/schemas.js';
import { schemaDefinitions } from './support/schema-validator.js';

type JsonSchema = { [key: string]: unknown };

/** Member names a JSON schema defines, following `$ref`, `allOf` and `anyOf`. */
function officialMembers(
  definitions: Record<string, JsonSchema>,
  schema: JsonSchema | undefined,
): Set<string> {
  const members = new Set<string>();
  if (schema === undefined) return members;
  const ref = schema['$ref'];
  if (typeof ref === 'string') return officialMembers(definitions, definitions[ref.split('/').pop() ?? '']);
  for (const key of ['allOf', 'anyOf'] as const) {
    for (const part of (schema[key] as JsonSchema[] | undefined) ?? []) {
      for (const member of officialMembers(definitions, part)) members.add(member);
    }
  }
  for (const member of Object.keys((schema['properties'] as JsonSchema | undefined) ?? {}))
    members.add(member);
  return members;
}

/** Member names a zod object (or a union of objects) declares; `undefined` for other schemas. */
function ourMembers(schema: z.ZodMiniType | undefined): Set<string> | undefined {
  const internals = (schema as unknown as { _zod: { def: { shape?: object; options?: z.ZodMiniType[] } } })
    ?._zod.def;
  if (internals?.shape !== undefined) return new Set(Object.keys(internals.shape));
  if (internals?.options !== undefined) {
    const members = new Set<string>();
    for (const option of internals.options)
      for (const member of ourMembers(option) ?? []) members.add(member);
    return members;
  }
  return undefined;
}

const STRUCTURES: Record<string, z.ZodMiniType> = {
  Annotations: AnnotationsSchema,
  AudioContent: AudioContentSchema,
  BlobResourceContents: BlobResourceContentsSchema,
  BooleanSchema: BooleanSchemaSchema,
  ClientCapabilities: ClientCapabilitiesSchema,
  EmbeddedResource: EmbeddedResourceSchema,
  // 2025-06-18 names the enum-with-enumNames `EnumSchema`; later revisions, the union of all enums.
  EnumSchema: PrimitiveSchemaDefinitionSchema,
  PrimitiveSchemaDefinition: PrimitiveSchemaDefinitionSchema,
  ContentBlock: ContentBlockSchema,
  SamplingMessageContentBlock: SamplingContentSchema,
  Icon: IconSchema,
  ImageContent: ImageContentSchema,
  Implementation: ImplementationSchema,
  LegacyTitledEnumSchema: LegacyTitledEnumSchemaSchema,
  ModelPreferences: ModelPreferencesSchema,
  NumberSchema: NumberSchemaSchema,
  Prompt: PromptSchema,
  PromptArgument: PromptArgumentSchema,
  PromptMessage: PromptMessageSchema,
  Resource: ResourceSchema,
  ResourceLink: ResourceLinkSchema,
  ResourceTemplate: ResourceTemplateSchema,
  Root: RootSchema,
  SamplingMessage: SamplingMessageSchema,
  ServerCapabilities: ServerCapabilitiesSchema,
  StringSchema: StringSchemaSchema,
  Task: TaskSchema,
  TextContent: TextContentSchema,
  TextResourceContents: TextResourceContentsSchema,
  TitledMultiSelectEnumSchema: TitledMultiSelectEnumSchemaSchema,
  TitledSingleSelectEnumSchema: TitledSingleSelectEnumSchemaSchema,
  Tool: ToolSchema,
  ToolAnnotations: ToolAnnotationsSchema,
  ToolResultContent: ToolResultContentSchema,
  ToolUseContent: ToolUseContentSchema,
  UntitledMultiSelectEnumSchema: UntitledMultiSelectEnumSchemaSchema,
  UntitledSingleSelectEnumSchema: UntitledSingleSelectEnumSchemaSchema,
};

/** Where a request's result definition is not named `<Name>Result`. */
const RESULT_DEFINITION: Record<string, string | undefined> = {
  PingRequest: 'EmptyResult',
  SetLevelRequest: 'EmptyResult',
  SubscribeRequest: 'EmptyResult',
  UnsubscribeRequest: 'EmptyResult',
  GetTaskPayloadRequest: 'GetTaskPayloadResult',
};

function missing(official: Set<string>, ours: Set<string>): string[] {
  return [...official].filter((member) => !ours.has(member)).sort();
}

describe.each(
  SUPPORTED_PROTOCOL_VERSIONS.map((revision) => [revision]),
)('member coverage, %s', (revision) => {
  const definitions = schemaDefinitions(revision) as Record<string, JsonSchema>;

  it('structures declare every official member', () => {
    const gaps: Record<string, string[]> = {};
    for (const [name, schema] of Object.entries(STRUCTURES)) {
      if (definitions[name] === undefined) continue;
      const gap = missing(officialMembers(definitions, definitions[name]), ourMembers(schema) ?? new Set());
      if (gap.length > 0) gaps[name] = gap;
    }
    expect(gaps).toEqual({});
  });

  it('registered params and results declare every official member', () => {
    const byMethod = new Map<string, [string, JsonSchema]>();
    for (const [name, definition] of Object.entries(definitions)) {
      const method = (
        (definition['properties'] as JsonSchema | undefined)?.['method'] as JsonSchema | undefined
      )?.['const'];
      if (typeof method === 'string' && !byMethod.has(method)) byMethod.set(method, [name, definition]);
    }
    const gaps: Record<string, string[]> = {};
    let checked = 0;
    for (const spec of listMethodSpecs(revision)) {
      const [name, definition] = byMethod.get(spec.method) ?? [];
      if (name === undefined || definition === undefined) continue;
      const params = (definition['properties'] as Record<string, JsonSchema>)['params'];
      const paramsGap = missing(officialMembers(definitions, params), ourMembers(spec.params) ?? new Set());
      if (paramsGap.length > 0) gaps[`${spec.method} params`] = paramsGap;
      checked++;
      if (spec.kind !== 'request') continue;
      const resultName = RESULT_DEFINITION[name] ?? name.replace(/Request$/, 'Result');
      const result = definitions[resultName];
      expect(result, `${revision} has ${resultName}`).toBeDefined();
      const resultGap = missing(officialMembers(definitions, result), ourMembers(spec.result) ?? new Set());
      if (resultGap.length > 0) gaps[`${spec.method} result`] = resultGap;
    }
    expect(checked).toBe(listMethodSpecs(revision).length);
    expect(gaps).toEqual({});
  });
});
