/** Replaced at bundle time by esbuild's `define`; tests and tsx read the package version. */
declare const __PACKAGE_VERSION__: string | undefined;

export const VERSION: string = typeof __PACKAGE_VERSION__ === 'string' ? __PACKAGE_VERSION__ : '0.0.0-dev';
export const USER_AGENT = `1password-events-export/${VERSION}`;
