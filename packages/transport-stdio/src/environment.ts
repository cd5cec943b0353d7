/**
 * The variables a spawned server inherits from this process unless told otherwise. The list is short on
 * purpose: secrets often live in the environment (API keys, tokens), and a server should receive only
 * what the caller hands it. On POSIX it follows sudo's default `env_keep` spirit.
 */
export const DEFAULT_INHERITED_ENV_VARS: readonly string[] =
  process.platform === 'win32'
    ? [
        'APPDATA',
        'HOMEDRIVE',
        'HOMEPATH',
        'LOCALAPPDATA',
        'PATH',
        'PROCESSOR_ARCHITECTURE',
        'PROGRAMFILES',
        'SYSTEMDRIVE',
        'SYSTEMROOT',
        'TEMP',
        'USERNAME',
        'USERPROFILE',
      ]
    : ['HOME', 'LOGNAME', 'PATH', 'SHELL', 'TERM', 'USER'];

/**
 * The inherited part of a spawned server's environment: the {@link DEFAULT_INHERITED_ENV_VARS} that are
 * set here. Values that look like exported shell functions (`() {…}`) are left out (Shellshock-style
 * payloads have no business in a server's environment).
 */
export function getDefaultEnvironment(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const key of DEFAULT_INHERITED_ENV_VARS) {
    const value = process.env[key];
    if (value === undefined || value.startsWith('()')) continue;
    env[key] = value;
  }
  return env;
}

/**
 * The environment a server is spawned with: the defaults, overlaid with the caller's variables. A caller's
 * `undefined` removes an inherited variable.
 */
export function buildEnvironment(
  extra: Record<string, string | undefined> | undefined,
): Record<string, string> {
  const env = getDefaultEnvironment();
  if (extra === undefined) return env;
  for (const [key, value] of Object.entries(extra)) {
    if (value === undefined) delete env[key];
    else env[key] = value;
  }
  return env;
}
