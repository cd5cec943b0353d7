/** What the reference server lists, for the tests that check listings. */

/** Every tool the server registers at start (the triggers add `test_dynamic_tool` later). */
export const EXPECTED_TOOLS: readonly string[] = [
  'echo',
  'test_simple_text',
  'test_image_content',
  'test_audio_content',
  'test_embedded_resource',
  'test_multiple_content_types',
  'test_error_handling',
  'json_schema_2020_12_tool',
  'test_tool_with_logging',
  'test_logging_tool',
  'test_tool_with_progress',
  'test_sampling',
  'test_elicitation',
  'test_elicitation_sep1034_defaults',
  'test_elicitation_sep1330_enums',
  'test_input_required_result_elicitation',
  'test_input_required_result_sampling',
  'test_input_required_result_list_roots',
  'test_input_required_result_request_state',
  'test_input_required_result_multiple_inputs',
  'test_input_required_result_multi_round',
  'test_input_required_result_tampered_state',
  'test_input_required_result_capabilities',
  'test_missing_capability',
  'test_streaming_elicitation',
  'test_trigger_tool_change',
  'test_trigger_prompt_change',
  'test_reconnection',
  'test_header_params',
];

/** Every prompt the server registers at start. */
export const EXPECTED_PROMPTS: readonly string[] = [
  'test_simple_prompt',
  'test_prompt_with_arguments',
  'test_prompt_with_embedded_resource',
  'test_prompt_with_image',
  'test_input_required_result_prompt',
];

/** Every fixed resource, in listing order (`test://static-text` first: the caching scenario reads it). */
export const EXPECTED_RESOURCES: readonly string[] = [
  'test://static-text',
  'test://static-binary',
  'test://watched-resource',
];
