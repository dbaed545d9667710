// Types for the parts of webpack.config.js that tests import.
export const CSP: string;
export const STANDALONE_CSP: string;
export const STANDALONE_DIR: string;
export const OFFICE_JS: string;
export function productionUrl(env?: Record<string, string | undefined>): string;
export function rewriteManifest(xml: string, url?: string): string;
interface PluginLike {
  userOptions?: {
    filename?: string;
    template?: string;
    templateContent?: unknown;
    templateParameters?: { csp?: string };
    meta?: unknown;
  };
}
declare const config: (
  env: Record<string, unknown>,
  argv: { mode?: string },
) => Promise<{ entry: Record<string, string>; plugins: PluginLike[] }>;
export default config;
